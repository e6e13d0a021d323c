import type { CorpusArticle } from '../fixtures/knowledge-corpus.js';
import type { GraphQLResponse, TestSystem } from './test-system.js';

/** What the knowledge e2e specs ask of an article. */
export const ARTICLE_FIELDS = 'id title body tags status audience authorId editedBy version createdAt updatedAt';

export const CREATE_ARTICLE = `mutation($input: CreateKnowledgeArticleInput!) { createKnowledgeArticle(input: $input) { ${ARTICLE_FIELDS} } }`;
export const UPDATE_ARTICLE = `mutation($id: ID!, $input: UpdateKnowledgeArticleInput!) { updateKnowledgeArticle(id: $id, input: $input) { ${ARTICLE_FIELDS} } }`;

/** The data of a response that must have succeeded (fails the test with the whole response otherwise). */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors || !response.data) throw new Error(`expected success, got ${JSON.stringify(response)}`);
  return response.data;
}

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
  const tables = ['knowledge_articles', 'knowledge_article_versions', 'knowledge_article_links', 'knowledge_searches', 'audit_log'];
  const entries = await Promise.all(tables.map(async (table) => [table, await system.dataSource.query(`SELECT * FROM ${table} ORDER BY 1, 2`)] as const));
  return Object.fromEntries(entries);
}
