import { Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
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
export const RANK_NORMALIZATION = 1;
const QUERY = `websearch_to_tsquery('english', :query)`;
const IN_SCOPE = (alias: string) => `${alias}.status IN (:...statuses) AND ${alias}.audience IN (:...audiences)`;
const MARK = 'StartSel=<mark>, StopSel=</mark>';
const TITLE_HEADLINE = `${MARK}, HighlightAll=true`;
const SNIPPET_HEADLINE = `${MARK}, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "`;

/**
 * Ranking reads each match's whole vector (TOASTed, about 2 KB): ranking every match of a query of common words, tens
 * of thousands of articles, took most of a second (issue 17). So only candidates are ranked: up to TITLE_CANDIDATES
 * articles matching in their title or tags (best title rank first: the title weighs most) and up to MATCH_CANDIDATES
 * other matches. A query matching no more than MATCH_CANDIDATES articles (a phrase: having all its words) ranks them
 * all, as before; past that, an article with the words in its body only may be left out.
 */
export const TITLE_CANDIDATES = 1000;
export const MATCH_CANDIDATES = 500;

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
    const ranking = this.dataSource
      .getRepository(KnowledgeArticleEntity)
      .createQueryBuilder('article')
      .addSelect(`ts_rank_cd(article.search_vector, ${QUERY}, ${RANK_NORMALIZATION})`, 'rank')
      .where(`article.search_vector @@ ${QUERY}`, { query })
      .andWhere(IN_SCOPE('article'), { statuses: scope.statuses, audiences: scope.audiences });
    const { entities, raw } = await this.onlyCandidates(ranking)
      .orderBy('rank', 'DESC')
      .addOrderBy('article.updatedAt', 'DESC')
      .addOrderBy('article.id', 'ASC')
      .limit(first)
      .getRawAndEntities<{ rank: number }>();
    if (entities.length === 0) return [];
    const highlights = await this.highlight(query, entities);
    return entities.map((article, i) => ({ article, rank: Number(raw[i].rank), ...highlights[i] }));
  }

  /**
   * Limits the ranking to the candidates, found without reading any article's whole vector: title vectors are small
   * and in the row, and the other matches are the index's own answer (phrases loosened to AND, which it answers
   * alone; the ranking query checks them). Protected: the benchmark ranks every match beside it.
   */
  protected onlyCandidates(ranking: SelectQueryBuilder<KnowledgeArticleEntity>): SelectQueryBuilder<KnowledgeArticleEntity> {
    return ranking.andWhere(`article.id IN (
      (SELECT t.id FROM knowledge_articles t WHERE t.title_vector @@ ${QUERY} AND ${IN_SCOPE('t')}
        ORDER BY ts_rank_cd(t.title_vector, ${QUERY}, ${RANK_NORMALIZATION}) DESC, t.updated_at DESC LIMIT ${TITLE_CANDIDATES})
      UNION
      (SELECT m.id FROM knowledge_articles m WHERE m.search_vector @@ knowledge_query_without_positions(${QUERY}) AND ${IN_SCOPE('m')}
        LIMIT ${MATCH_CANDIDATES}))`);
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
