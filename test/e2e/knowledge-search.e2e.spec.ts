import { KNOWLEDGE_CORPUS } from '../fixtures/knowledge-corpus.js';
import { createCorpus, dataOf, knowledgeTables } from '../support/knowledge.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { CREATE_TICKET, newTicket, onlyError } from '../support/tickets.js';

// Full-text search over a fixture corpus (test/fixtures/knowledge-corpus.ts), against the real API and PostgreSQL:
// ranking, stemming, websearch syntax, safe highlights, suggestions, and the rules of what customers may see.

const HIT = 'rank titleHighlight snippet';
const STAFF_SEARCH = `query($query: String!, $statuses: [KnowledgeStatus!], $audiences: [KnowledgeAudience!], $first: Int) {
  searchKnowledgeArticles(query: $query, statuses: $statuses, audiences: $audiences, first: $first) { ${HIT} article { id status audience } } }`;
const PUBLIC_SEARCH = `query($query: String!, $first: Int) { publicKnowledgeSearch(query: $query, first: $first) { searchId hits { ${HIT} article { id title } } } }`;
const PUBLIC_ARTICLE = 'query($id: ID!) { publicKnowledgeArticle(id: $id) { id title body tags } }';
const SUGGEST = `query($ticketId: ID, $text: String, $first: Int) { suggestKnowledgeArticles(ticketId: $ticketId, text: $text, first: $first) { rank article { id } } }`;
const CLICK = 'mutation($searchId: ID!, $articleId: ID!) { recordKnowledgeSearchClick(searchId: $searchId, articleId: $articleId) { searchId articleId clickedAt } }';
const RATE = 'query($since: DateTime) { knowledgeSelfServiceRate(since: $since) { searches searchesWithClick rate } }';

const HIDDEN_FROM_CUSTOMERS = KNOWLEDGE_CORPUS.filter((a) => a.status !== 'PUBLISHED' || a.audience !== 'PUBLIC').map((a) => a.key);

interface Hit {
  rank: number;
  titleHighlight: string;
  snippet: string;
  article: { id: string };
}

describe('knowledge search', () => {
  let system: TestSystem;
  let agent: string;
  let ids: Map<string, string>;
  let keyOf: (id: string) => string;

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: agent } = await system.signIn(['agent']));
    ids = await createCorpus(system, agent, KNOWLEDGE_CORPUS);
    const keys = new Map([...ids].map(([key, id]) => [id, key]));
    keyOf = (id) => keys.get(id)!;
  });
  afterAll(() => system.stop());

  async function publicSearch(query: string, first = 20): Promise<{ searchId: string; hits: Hit[] }> {
    return dataOf(await system.graphql(PUBLIC_SEARCH, { query, first })).publicKnowledgeSearch;
  }
  const publicKeys = async (query: string) => (await publicSearch(query)).hits.map((hit) => keyOf(hit.article.id));
  async function staffKeys(query: string, variables: Record<string, unknown> = {}): Promise<string[]> {
    const hits: Hit[] = dataOf(await system.graphql(STAFF_SEARCH, { query, ...variables }, agent)).searchKnowledgeArticles;
    return hits.map((hit) => keyOf(hit.article.id));
  }

  describe('ranking', () => {
    it('puts a match in the title above one in the tags, and both above matches in the body only', async () => {
      const keys = await publicKeys('password');
      expect(keys.slice(0, 2)).toEqual(['reset-password', 'login-troubleshooting']);
      expect(new Set(keys.slice(2))).toEqual(new Set(['account-security', 'two-factor']));
    });

    it('stems words: "invoicing" finds invoices, "refunded" finds refunds', async () => {
      expect(new Set(await publicKeys('invoicing'))).toEqual(new Set(['invoices', 'invoice-address']));
      expect(new Set(await publicKeys('refunded'))).toEqual(new Set(['refunds', 'partial-refunds']));
    });

    it('requires every word, ranks the article having both in its title first', async () => {
      expect(await publicKeys('api limits')).toEqual(['api-rate-limits']);
      expect(await publicKeys('reset password')).toEqual(['reset-password', 'login-troubleshooting']);
    });

    it('understands websearch syntax: quoted phrases, or, and -excluded words', async () => {
      expect(await publicKeys('"single sign-on"')).toEqual(['sso-saml', 'sso-okta']);
      expect(await publicKeys('refund -downgrade')).toEqual(['refunds']);
      expect(new Set(await publicKeys('okta or vpn'))).toEqual(new Set(['sso-okta', 'sso-saml', 'vpn']));
    });

    it('finds nothing for words no article has, or for stop words only', async () => {
      expect(await publicKeys('kubernetes')).toEqual([]);
      expect(await publicKeys('the and of')).toEqual([]);
    });

    it('returns at most `first` hits, ranks descending', async () => {
      const { hits } = await publicSearch('billing', 3);
      expect(hits).toHaveLength(3);
      const ranks = hits.map((hit) => hit.rank);
      expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    });
  });

  describe('highlights', () => {
    it('marks the matched words in the title and in passages of the text, without the Markdown', async () => {
      const [hit] = (await publicSearch('reset password')).hits;
      expect(keyOf(hit.article.id)).toBe('reset-password');
      expect(hit.titleHighlight).toBe('How to <mark>reset</mark> your <mark>password</mark>');
      expect(hit.snippet).toContain('<mark>password</mark>');
      expect(hit.snippet).not.toMatch(/\*\*|^\d+\./);
    });

    it("escapes the article's own HTML, so the only tags in a highlight are the marks", async () => {
      const [hit] = (await publicSearch('widget')).hits;
      expect(keyOf(hit.article.id)).toBe('html-in-body');
      expect(hit.snippet).toContain('&lt;script src=&quot;https://cdn.example.com/w.js&quot;&gt;');
      expect(hit.snippet).toContain('<mark>widget</mark>');
      expect(hit.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    });
  });

  describe('what customers may see', () => {
    it('never returns internal, draft or archived articles, though staff search finds them by the same words', async () => {
      const queries = ['password', 'reset password', 'refund', 'approval', 'vpn', 'runbook', 'policy', 'old interface'];
      for (const query of queries) {
        expect((await publicKeys(query)).filter((key) => HIDDEN_FROM_CUSTOMERS.includes(key))).toEqual([]);
      }
      const everything = await Promise.all(queries.map((query) => staffKeys(query, { statuses: ['DRAFT', 'PUBLISHED', 'ARCHIVED'] })));
      for (const key of HIDDEN_FROM_CUSTOMERS) expect(everything.flat()).toContain(key);
    });

    it('reads a published public article without login, and answers NOT_FOUND for any other', async () => {
      const { data } = await system.graphql(PUBLIC_ARTICLE, { id: ids.get('vpn') });
      expect(data!.publicKnowledgeArticle).toMatchObject({ id: ids.get('vpn'), title: 'Connect through the company VPN' });
      for (const key of HIDDEN_FROM_CUSTOMERS) {
        const error = onlyError(await system.graphql(PUBLIC_ARTICLE, { id: ids.get(key) }));
        expect(error).toMatchObject({ code: 'NOT_FOUND', message: `There is no article ${ids.get(key)}.` });
      }
    });

    it('drops an article from the public search once it is archived', async () => {
      const [created] = [...(await createCorpus(system, agent, [{ key: 'temp', title: 'Pigeon post delivery', body: 'Carrier pigeons.', tags: [], status: 'PUBLISHED', audience: 'PUBLIC' }])).values()];
      expect((await publicSearch('pigeon')).hits.map((hit) => hit.article.id)).toEqual([created]);
      const archive = `mutation($id: ID!) { updateKnowledgeArticle(id: $id, input: { status: ARCHIVED }) { status } }`;
      dataOf(await system.graphql(archive, { id: created }, agent));
      expect((await publicSearch('pigeon')).hits).toEqual([]);
    });

    it('staff search defaults to published articles of both audiences', async () => {
      const keys = await staffKeys('password');
      expect(keys).toContain('internal-password-override');
      expect(keys).not.toContain('draft-password-policy');
      expect(keys).not.toContain('archived-password-reset');
      expect(await staffKeys('password', { statuses: ['DRAFT'], audiences: ['PUBLIC'] })).toEqual(['draft-password-policy']);
    });
  });

  describe('suggestions', () => {
    it("suggests published articles (internal ones too) for a ticket's subject and description, best first", async () => {
      const ticket = newTicket({ subject: 'Cannot reset my password', description: 'The reset email never arrived.' });
      const { createTicket } = dataOf(await system.graphql(CREATE_TICKET, { input: ticket }, agent));
      const hits: Hit[] = dataOf(await system.graphql(SUGGEST, { ticketId: createTicket.id, first: 5 }, agent)).suggestKnowledgeArticles;
      const keys = hits.map((hit) => keyOf(hit.article.id));
      expect(keys.slice(0, 2).sort()).toEqual(['internal-password-override', 'reset-password']);
      expect(keys).not.toContain('archived-password-reset');
      expect(keys).not.toContain('draft-password-policy');
      expect(keys).toHaveLength(5);
    });

    it('suggests for free text, where any word may match', async () => {
      const hits: Hit[] = dataOf(await system.graphql(SUGGEST, { text: 'our okta login is broken', first: 3 }, agent)).suggestKnowledgeArticles;
      expect(keyOf(hits[0].article.id)).toBe('sso-okta');
    });

    it('refuses neither or both of ticketId and text, and an unknown ticket', async () => {
      expect(onlyError(await system.graphql(SUGGEST, {}, agent)).code).toBe('BAD_USER_INPUT');
      expect(onlyError(await system.graphql(SUGGEST, { text: 'vpn', ticketId: ids.get('vpn') }, agent)).code).toBe('BAD_USER_INPUT');
      const unknown = '00000000-0000-4000-8000-00000000abcd';
      expect(onlyError(await system.graphql(SUGGEST, { ticketId: unknown }, agent))).toMatchObject({ code: 'NOT_FOUND', message: `There is no ticket ${unknown}.` });
    });
  });

  describe('clicks and the self-service rate', () => {
    it('counts public searches, and those after which the customer opened an article (the first click only)', async () => {
      const since = new Date(Date.now() - 1000).toISOString();
      const before = dataOf(await system.graphql(RATE, { since }, agent)).knowledgeSelfServiceRate;
      const first = await publicSearch('vpn');
      const second = await publicSearch('invoice');
      await publicSearch('kubernetes');

      const click = dataOf(await system.graphql(CLICK, { searchId: first.searchId, articleId: ids.get('vpn') })).recordKnowledgeSearchClick;
      expect(click).toMatchObject({ searchId: first.searchId, articleId: ids.get('vpn') });
      const again = dataOf(await system.graphql(CLICK, { searchId: first.searchId, articleId: ids.get('proxy') })).recordKnowledgeSearchClick;
      expect(again).toEqual(click);

      const [row] = await system.dataSource.query('SELECT query, result_count, clicked_article_id FROM knowledge_searches WHERE id = $1', [first.searchId]);
      expect(row).toEqual({ query: 'vpn', result_count: 1, clicked_article_id: ids.get('vpn') });
      const rate = dataOf(await system.graphql(RATE, { since }, agent)).knowledgeSelfServiceRate;
      expect(rate).toEqual({
        searches: before.searches + 3,
        searchesWithClick: before.searchesWithClick + 1,
        rate: (before.searchesWithClick + 1) / (before.searches + 3),
      });
      expect(second.hits.length).toBeGreaterThan(0);
    });

    it('refuses a click on an article customers cannot see, or on an unknown search, and records nothing', async () => {
      const { searchId } = await publicSearch('password');
      const before = await knowledgeTables(system);
      const hidden = onlyError(await system.graphql(CLICK, { searchId, articleId: ids.get('internal-password-override') }));
      expect(hidden.code).toBe('NOT_FOUND');
      const unknown = onlyError(await system.graphql(CLICK, { searchId: '00000000-0000-4000-8000-00000000abcd', articleId: ids.get('vpn') }));
      expect(unknown.code).toBe('NOT_FOUND');
      expect(await knowledgeTables(system)).toEqual(before);
    });
  });

  describe('bad input and access', () => {
    it.each<[string, Record<string, unknown>]>([
      ['a blank query', { query: '   ' }],
      ['punctuation only', { query: '?!' }],
      ['a query over 200 characters', { query: 'a'.repeat(201) }],
      ['a page of 0', { query: 'vpn', first: 0 }],
      ['a page over 20', { query: 'vpn', first: 21 }],
    ])('refuses %s with BAD_USER_INPUT and logs no search', async (_case, variables) => {
      const before = await knowledgeTables(system);
      expect(onlyError(await system.graphql(PUBLIC_SEARCH, variables)).code).toBe('BAD_USER_INPUT');
      expect(await knowledgeTables(system)).toEqual(before);
    });

    it('keeps staff search and suggestions for staff', async () => {
      expect(onlyError(await system.graphql(STAFF_SEARCH, { query: 'vpn' })).code).toBe('UNAUTHENTICATED');
      const { token: lead } = await system.signIn(['implementation_lead']);
      expect(onlyError(await system.graphql(SUGGEST, { text: 'vpn' }, lead)).code).toBe('FORBIDDEN');
      expect(onlyError(await system.graphql(RATE, {})).code).toBe('UNAUTHENTICATED');
    });
  });
});
