import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import type { KnowledgeArticleEntity } from '../../../../libs/db/entities/knowledge-article.entity.js';
import type { KnowledgeSearchHit } from '../knowledge-search.service.js';
import { KnowledgeArticleTextFields } from './knowledge-article-fields.js';
import { KnowledgeArticleModel, toKnowledgeArticleModel } from './knowledge-article.model.js';

/** What every search result carries beside its article; highlights are HTML-safe (the text is escaped first). */
@ObjectType({ isAbstract: true })
abstract class SearchHitFields {
  @Field(() => Float, { description: 'ts_rank_cd of the match (title weighs most, then tags, then body); higher is better.' })
  rank!: number;

  @Field({ description: 'The title, HTML-escaped, with the matched words in <mark>…</mark>.' })
  titleHighlight!: string;

  @Field({ description: "Passages of the article's text (Markdown removed, HTML-escaped) with the matched words in <mark>…</mark>." })
  snippet!: string;
}

@ObjectType('KnowledgeSearchHit')
export class KnowledgeSearchHitModel extends SearchHitFields {
  @Field(() => KnowledgeArticleModel)
  article!: KnowledgeArticleModel;
}

@ObjectType('PublicKnowledgeArticle', { description: 'A published public article, as customers see it.' })
export class PublicKnowledgeArticleModel extends KnowledgeArticleTextFields {
  @Field(() => ID)
  id!: string;

  @Field()
  updatedAt!: Date;
}

@ObjectType('PublicKnowledgeSearchHit')
export class PublicKnowledgeSearchHitModel extends SearchHitFields {
  @Field(() => PublicKnowledgeArticleModel)
  article!: PublicKnowledgeArticleModel;
}

@ObjectType('PublicKnowledgeSearchResult')
export class PublicKnowledgeSearchResultModel {
  @Field(() => ID, { description: 'Pass it to recordKnowledgeSearchClick when the customer opens a result.' })
  searchId!: string;

  @Field(() => [PublicKnowledgeSearchHitModel])
  hits!: PublicKnowledgeSearchHitModel[];
}

export function toKnowledgeSearchHitModel({ article, ...hit }: KnowledgeSearchHit): KnowledgeSearchHitModel {
  return { ...hit, article: toKnowledgeArticleModel(article) };
}

export function toPublicKnowledgeArticleModel({ id, title, body, tags, updatedAt }: KnowledgeArticleEntity): PublicKnowledgeArticleModel {
  return { id, title, body, tags, updatedAt };
}

export function toPublicKnowledgeSearchHitModel({ article, ...hit }: KnowledgeSearchHit): PublicKnowledgeSearchHitModel {
  return { ...hit, article: toPublicKnowledgeArticleModel(article) };
}
