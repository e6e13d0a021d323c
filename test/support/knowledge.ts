import type { CorpusArticle } from '../fixtures/knowledge-corpus.js';
import type { TestSystem } from './test-system.js';
import { dataOf } from './graphql-responses.js';
import { tableRows } from './table-rows.js';

export { dataOf };

/** What the knowledge e2e specs ask of an article. */
export const ARTICLE_FIELDS = 'id title body tags status audience authorId editedBy version createdAt updatedAt';

export const CREATE_ARTICLE = `mutation($input: CreateKnowledgeArticleInput!) { createKnowledgeArticle(input: $input) { ${ARTICLE_FIELDS} } }`;
export const UPDATE_ARTICLE = `mutation($id: ID!, $input: UpdateKnowledgeArticleInput!) { updateKnowledgeArticle(id: $id, input: $input) { ${ARTICLE_FIELDS} } }`;

/** Writes the articles through the API, in order; returns their ids by key. */
export async function createCorpus(system: TestSystem, token: string, corpus: readonly CorpusArticle[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const { key, ...input } of corpus) {
    const { createKnowledgeArticle } = dataOf(await system.graphql<{ createKnowledgeArticle: { id: string } }>(CREATE_ARTICLE, { input }, token));
    ids.set(key, createKnowledgeArticle.id);
  }
  return ids;
}

/** Every row of the knowledge tables and the audit log: a refused call must leave them exactly as they were. */
export async function knowledgeTables(system: TestSystem): Promise<Record<string, unknown[]>> {
  return tableRows(system.dataSource, ['knowledge_articles', 'knowledge_article_versions', 'knowledge_article_links', 'knowledge_searches', 'audit_log']);
}
