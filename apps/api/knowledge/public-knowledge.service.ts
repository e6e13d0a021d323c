import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { KnowledgeArticleEntity } from '../../../libs/db/entities/knowledge-article.entity.js';
import { KnowledgeSearchEntity } from '../../../libs/db/entities/knowledge-search.entity.js';
import { isPubliclyVisible, selfServiceRate } from '../../../libs/domain/knowledge/index.js';
import { userError } from '../common/user-error.js';
import { assertUuid } from '../sla-config/config-errors.js';
import { searchableQuery } from './searchable-query.js';
import { KnowledgeSearchService, type KnowledgeSearchHit, type SearchScope } from './knowledge-search.service.js';
import type { KnowledgeSearchClickModel, KnowledgeSelfServiceRateModel } from './models/self-service.model.js';

/** What customers may find: published public articles, nothing else. */
export const PUBLIC_SCOPE: SearchScope = { statuses: ['published'], audiences: ['public'] };

/**
 * The customers' side of the knowledge base, open without login: search (each one logged), reading an article, and the
 * click that tells a search helped. Everything else about an article is staff-only, and so is an unpublished or
 * internal article itself: to a customer it does not exist (NOT_FOUND, never FORBIDDEN).
 */
@Injectable()
export class PublicKnowledgeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly knowledgeSearch: KnowledgeSearchService,
  ) {}

  async search(rawQuery: string, first: number): Promise<{ searchId: string; hits: KnowledgeSearchHit[] }> {
    const query = searchableQuery(rawQuery);
    const hits = await this.knowledgeSearch.search(query, PUBLIC_SCOPE, first);
    const [{ id }] = await this.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO knowledge_searches (query, result_count) VALUES ($1, $2) RETURNING id`,
      [query, hits.length],
    );
    return { searchId: id, hits };
  }

  async article(id: string): Promise<KnowledgeArticleEntity> {
    assertUuid(id, 'an article');
    const article = await this.dataSource.getRepository(KnowledgeArticleEntity).findOneBy({ id });
    if (!article || !isPubliclyVisible(article)) throw userError('NOT_FOUND', `There is no article ${id}.`);
    return article;
  }

  /** The first click on a search's results is the one kept: clicking again (or another result) changes nothing. */
  async recordClick(searchId: string, articleId: string): Promise<KnowledgeSearchClickModel> {
    assertUuid(searchId, 'a search');
    await this.article(articleId);
    const searches = this.dataSource.getRepository(KnowledgeSearchEntity);
    await searches
      .createQueryBuilder()
      .update()
      .set({ clickedArticleId: articleId, clickedAt: () => 'now()' })
      .where('id = :searchId AND clicked_at IS NULL', { searchId })
      .execute();
    const search = await searches.findOneBy({ id: searchId });
    if (!search) throw userError('NOT_FOUND', `There is no search ${searchId}.`);
    return { searchId, articleId: search.clickedArticleId ?? articleId, clickedAt: search.clickedAt! };
  }

  /** Public searches made in [since, until) (either bound may be left open), and how many of them had a click. */
  async selfServiceRate(since: Date | null, until: Date | null): Promise<KnowledgeSelfServiceRateModel> {
    if (since && until && since >= until) throw userError('BAD_USER_INPUT', '`since` must be before `until`.');
    const [row] = await this.dataSource.query<Array<{ searches: string; with_click: string }>>(
      `SELECT count(*) AS searches, count(*) FILTER (WHERE clicked_at IS NOT NULL) AS with_click
         FROM knowledge_searches
        WHERE ($1::timestamptz IS NULL OR searched_at >= $1) AND ($2::timestamptz IS NULL OR searched_at < $2)`,
      [since, until],
    );
    const outcomes = { searches: Number(row.searches), searchesWithClick: Number(row.with_click) };
    return { ...outcomes, rate: selfServiceRate(outcomes) };
  }
}
