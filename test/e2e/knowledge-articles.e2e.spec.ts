import { ARTICLE_FIELDS, CREATE_ARTICLE, UPDATE_ARTICLE, dataOf, knowledgeTables } from '../support/knowledge.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { onlyError } from '../support/tickets.js';

// Writing knowledge articles over GraphQL, against the real API and PostgreSQL: who may, versions, the audit log, and
// refusals that leave nothing half-written.

const GET_ARTICLE = `query($id: ID!) { knowledgeArticle(id: $id) { ${ARTICLE_FIELDS} } }`;
const VERSION_FIELDS = 'articleId version current title body tags status audience editedBy editedAt';
const VERSIONS = `query($id: ID!) { knowledgeArticleVersions(articleId: $id) { ${VERSION_FIELDS} } }`;
const VERSION = `query($id: ID!, $version: Int!) { knowledgeArticleVersion(articleId: $id, version: $version) { ${VERSION_FIELDS} } }`;
const SEARCH = `query($query: String!) { searchKnowledgeArticles(query: $query, statuses: [DRAFT, PUBLISHED, ARCHIVED]) { article { id } } }`;

const input = (overrides: Record<string, unknown> = {}) => ({
  title: 'Rotate an API key',
  body: 'Create the new key, deploy it, then **revoke** the old one.',
  tags: ['API', ' security ', 'api'],
  ...overrides,
});

describe('knowledge articles', () => {
  let system: TestSystem;
  let agent: string;
  let agentId: string;
  let admin: string;
  let adminId: string;
  let supervisor: string;

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: agent, userId: agentId } = await system.signIn(['agent']));
    ({ token: admin, userId: adminId } = await system.signIn(['admin']));
    ({ token: supervisor } = await system.signIn(['supervisor']));
  });
  afterAll(() => system.stop());

  const create = async (token = agent, overrides: Record<string, unknown> = {}) =>
    dataOf(await system.graphql(CREATE_ARTICLE, { input: input(overrides) }, token)).createKnowledgeArticle;
  const update = (id: string, changes: Record<string, unknown>, token = admin) => system.graphql(UPDATE_ARTICLE, { id, input: changes }, token);
  const auditOf = (id: string) =>
    system.dataSource.query('SELECT actor_user_id, action, before, after FROM audit_log WHERE entity_id = $1 ORDER BY id', [id]);

  it('creates a draft internal article at version 1, written by the caller, tags cleaned; audited', async () => {
    const article = await create();
    expect(article).toMatchObject({
      title: 'Rotate an API key',
      tags: ['api', 'security'],
      status: 'DRAFT',
      audience: 'INTERNAL',
      authorId: agentId,
      editedBy: agentId,
      version: 1,
    });
    expect(dataOf(await system.graphql(GET_ARTICLE, { id: article.id }, supervisor)).knowledgeArticle).toEqual(article);
    expect(await auditOf(article.id)).toEqual([
      { actor_user_id: agentId, action: 'knowledge_article.created', before: null, after: expect.objectContaining({ title: 'Rotate an API key', version: 1 }) },
    ]);
  });

  it('keeps every version: an edit stores the one it replaces, and both are listed and readable', async () => {
    const v1 = await create();
    const v2 = dataOf(await update(v1.id, { title: 'Rotate API keys safely', status: 'PUBLISHED', audience: 'PUBLIC' })).updateKnowledgeArticle;
    expect(v2).toMatchObject({ id: v1.id, title: 'Rotate API keys safely', body: v1.body, status: 'PUBLISHED', audience: 'PUBLIC', authorId: agentId, editedBy: adminId, version: 2 });
    const v3 = dataOf(await update(v1.id, { tags: ['keys'], expectedVersion: 2 }, agent)).updateKnowledgeArticle;
    expect(v3).toMatchObject({ version: 3, tags: ['keys'], editedBy: agentId });

    const versions = dataOf(await system.graphql(VERSIONS, { id: v1.id }, supervisor)).knowledgeArticleVersions;
    expect(versions.map((v: { version: number; current: boolean; title: string; editedBy: string }) => [v.version, v.current, v.title, v.editedBy])).toEqual([
      [3, true, 'Rotate API keys safely', agentId],
      [2, false, 'Rotate API keys safely', adminId],
      [1, false, 'Rotate an API key', agentId],
    ]);
    const first = dataOf(await system.graphql(VERSION, { id: v1.id, version: 1 }, agent)).knowledgeArticleVersion;
    expect(first).toEqual({ ...versions[2], status: 'DRAFT', audience: 'INTERNAL', tags: ['api', 'security'], editedAt: v1.updatedAt });
    expect(dataOf(await system.graphql(VERSION, { id: v1.id, version: 3 }, agent)).knowledgeArticleVersion).toEqual(versions[0]);
    expect(onlyError(await system.graphql(VERSION, { id: v1.id, version: 4 }, agent))).toMatchObject({ code: 'NOT_FOUND' });

    expect((await auditOf(v1.id)).map((entry: { action: string }) => entry.action)).toEqual([
      'knowledge_article.created',
      'knowledge_article.updated',
      'knowledge_article.updated',
    ]);
    expect((await auditOf(v1.id))[1]).toMatchObject({ before: { version: 1, status: 'draft' }, after: { version: 2, status: 'published' } });
  });

  it('writes nothing for an edit that changes nothing', async () => {
    const article = await create();
    const before = await knowledgeTables(system);
    const same = dataOf(await update(article.id, { title: `  ${article.title} `, tags: ['API ', 'Security'] })).updateKnowledgeArticle;
    expect(same).toEqual(article);
    expect(await knowledgeTables(system)).toEqual(before);
  });

  it('refuses an edit made on a stale version with CONFLICT, and writes nothing', async () => {
    const article = await create();
    dataOf(await update(article.id, { body: 'Someone else was faster.' }));
    const before = await knowledgeTables(system);
    const error = onlyError(await update(article.id, { body: 'My edit of version 1.', expectedVersion: 1 }, agent));
    expect(error).toMatchObject({ code: 'CONFLICT', extensions: expect.objectContaining({ currentVersion: 2 }) });
    expect(error.message).toMatch(/version 2, not 1/);
    expect(await knowledgeTables(system)).toEqual(before);
  });

  it('indexes the current version for search: an edited title is found by its new words, not its old ones', async () => {
    const article = await create(agent, { title: 'Configure the zeppelin gateway' });
    const found = async (query: string) => dataOf(await system.graphql(SEARCH, { query }, agent)).searchKnowledgeArticles.map((hit: { article: { id: string } }) => hit.article.id);
    expect(await found('zeppelin')).toEqual([article.id]);
    dataOf(await update(article.id, { title: 'Configure the dirigible gateway' }));
    expect(await found('zeppelin')).toEqual([]);
    expect(await found('dirigibles')).toEqual([article.id]);
  });

  describe('who may write', () => {
    it('lets agents and admins write; supervisors read only; nobody without a token', async () => {
      expect((await create(admin)).authorId).toBe(adminId);
      const before = await knowledgeTables(system);
      expect(onlyError(await system.graphql(CREATE_ARTICLE, { input: input() }, supervisor)).code).toBe('FORBIDDEN');
      expect(onlyError(await system.graphql(CREATE_ARTICLE, { input: input() })).code).toBe('UNAUTHENTICATED');
      const { token: lead } = await system.signIn(['implementation_lead']);
      expect(onlyError(await system.graphql(GET_ARTICLE, { id: '00000000-0000-4000-8000-000000000001' }, lead)).code).toBe('FORBIDDEN');
      expect((await knowledgeTables(system)).knowledge_articles).toEqual(before.knowledge_articles);
    });
  });

  describe('bad input', () => {
    it.each<[string, Record<string, unknown>]>([
      ['a blank title', { title: '   ' }],
      ['a title over 200 characters', { title: 'x'.repeat(201) }],
      ['an empty body', { body: '' }],
      ['more than 20 tags', { tags: Array.from({ length: 21 }, (_, i) => `tag${i}`) }],
      ['a tag over 50 characters', { tags: ['x'.repeat(51)] }],
    ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_case, overrides) => {
      const before = await knowledgeTables(system);
      expect(onlyError(await system.graphql(CREATE_ARTICLE, { input: input(overrides) }, agent)).code).toBe('BAD_USER_INPUT');
      expect(await knowledgeTables(system)).toEqual(before);
    });

    it('refuses a bad status as a GraphQL validation error', async () => {
      expect(onlyError(await system.graphql(CREATE_ARTICLE, { input: input({ status: 'LIVE' }) }, agent)).code).toBe('BAD_USER_INPUT');
    });

    it('answers NOT_FOUND for an unknown article and BAD_USER_INPUT for an id that is not a UUID', async () => {
      const unknown = '00000000-0000-4000-8000-00000000beef';
      expect(onlyError(await system.graphql(GET_ARTICLE, { id: unknown }, agent))).toMatchObject({
        code: 'NOT_FOUND',
        message: `There is no knowledge article ${unknown}.`,
      });
      expect(onlyError(await update(unknown, { title: 'New' })).code).toBe('NOT_FOUND');
      expect(onlyError(await system.graphql(GET_ARTICLE, { id: 'kb-1' }, agent)).code).toBe('BAD_USER_INPUT');
    });
  });
});
