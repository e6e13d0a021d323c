import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { KnowledgeArticleEntity } from '../../../libs/db/entities/knowledge-article.entity.js';
import { escapeHtml, markdownToText, type KnowledgeAudience, type KnowledgeStatus } from '../../../libs/domain/knowledge/index.js';

/** Which articles a search may return. */
export interface SearchScope {
  statuses: readonly KnowledgeStatus[];
  audiences: readonly KnowledgeAudience[];
}

export interface KnowledgeSearchHit {
  article: KnowledgeArticleEntity;
  rank: number;
  /** HTML-safe: the text is escaped before the matches are wrapped in <mark>. */
  titleHighlight: string;
  snippet: string;
}

/**
 * ts_rank_cd's normalisation 1 divides by 1 + log(the document's length): a long article does not outrank a short,
 * focused one merely by repeating a word.
 */
const RANK_NORMALIZATION = 1;
const MARK = 'StartSel=<mark>, StopSel=</mark>';
const TITLE_HEADLINE = `${MARK}, HighlightAll=true`;
const SNIPPET_HEADLINE = `${MARK}, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "`;

/**
 * PostgreSQL full-text search over knowledge articles: the query in websearch syntax (quoted phrases, `or`,
 * `-word`; never a syntax error), english stemming and stop words, matched against the GIN-indexed weighted vector
 * of title, tags and body, ranked by cover density. Ties go to the most recently updated article.
 */
@Injectable()
export class KnowledgeSearchService {
  constructor(private readonly dataSource: DataSource) {}

  async search(query: string, scope: SearchScope, first: number): Promise<KnowledgeSearchHit[]> {
    if (scope.statuses.length === 0 || scope.audiences.length === 0) return [];
    const { entities, raw } = await this.dataSource
      .getRepository(KnowledgeArticleEntity)
      .createQueryBuilder('article')
      .addSelect(`ts_rank_cd(article.search_vector, websearch_to_tsquery('english', :query), ${RANK_NORMALIZATION})`, 'rank')
      .where(`article.search_vector @@ websearch_to_tsquery('english', :query)`, { query })
      .andWhere('article.status IN (:...statuses)', { statuses: scope.statuses })
      .andWhere('article.audience IN (:...audiences)', { audiences: scope.audiences })
      .orderBy('rank', 'DESC')
      .addOrderBy('article.updatedAt', 'DESC')
      .addOrderBy('article.id', 'ASC')
      .limit(first)
      .getRawAndEntities<{ rank: number }>();
    if (entities.length === 0) return [];
    const highlights = await this.highlight(query, entities);
    return entities.map((article, i) => ({ article, rank: Number(raw[i].rank), ...highlights[i] }));
  }

  /** The matched words marked in the titles and in passages of the bodies' text (Markdown removed), all escaped first. */
  private highlight(query: string, articles: KnowledgeArticleEntity[]): Promise<Array<{ titleHighlight: string; snippet: string }>> {
    return this.dataSource.query(
      `SELECT ts_headline('english', t.title, q, $4) AS "titleHighlight", ts_headline('english', t.body, q, $5) AS snippet
         FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS t(title, body, position),
              websearch_to_tsquery('english', $1) AS q
        ORDER BY t.position`,
      [
        query,
        articles.map((article) => escapeHtml(article.title)),
        articles.map((article) => escapeHtml(markdownToText(article.body))),
        TITLE_HEADLINE,
        SNIPPET_HEADLINE,
      ],
    );
  }
}
