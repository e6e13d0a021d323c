import { CREATE_ARTICLE, dataOf, knowledgeTables } from '../support/knowledge.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { CREATE_TICKET, newTicket, onlyError } from '../support/tickets.js';

// Agents linking knowledge articles to tickets and replies, against the real API, PostgreSQL and ticket workflows:
// idempotent links, the per-article counts, and "tickets resolved with this article" following the tickets' status.

const LINK = `mutation($input: LinkKnowledgeArticleInput!) { linkKnowledgeArticle(input: $input) { id ticketId messageId linkedBy linkedAt article { id title } } }`;
const TICKET_LINKS = 'query($ticketId: ID!) { ticketKnowledgeLinks(ticketId: $ticketId) { id messageId article { id } } }';
const USAGE = 'query($id: ID!) { knowledgeArticle(id: $id) { usage { links linkedTickets resolvedTickets } } }';
const REPLY = 'mutation($input: ReplyToTicketInput!) { replyToTicket(input: $input) { id } }';
const CHANGE_STATUS = 'mutation($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { status } }';

describe('linking knowledge articles to tickets', () => {
  let system: TestSystem;
  let agent: string;
  let agentId: string;

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: agent, userId: agentId } = await system.signIn(['agent']));
  });
  afterAll(() => system.stop());

  async function article(status = 'PUBLISHED', audience = 'INTERNAL'): Promise<string> {
    const input = { title: `Article ${Math.random()}`, body: 'How to do it.', status, audience };
    return dataOf(await system.graphql(CREATE_ARTICLE, { input }, agent)).createKnowledgeArticle.id;
  }
  const ticket = async (): Promise<string> => dataOf(await system.graphql(CREATE_TICKET, { input: newTicket() }, agent)).createTicket.id;
  const reply = async (ticketId: string): Promise<string> =>
    dataOf(await system.graphql(REPLY, { input: { ticketId, body: 'See the article.', public: true } }, agent)).replyToTicket.id;
  const link = (input: Record<string, unknown>) => system.graphql(LINK, { input }, agent);
  const usage = async (id: string) => dataOf(await system.graphql(USAGE, { id }, agent)).knowledgeArticle.usage;
  const solve = async (ticketId: string) => dataOf(await system.graphql(CHANGE_STATUS, { input: { ticketId, status: 'SOLVED' } }, agent));

  it('links an article to a ticket and to a reply; linking again returns the same link, audited once', async () => {
    const articleId = await article();
    const ticketId = await ticket();
    const messageId = await reply(ticketId);

    const whole = dataOf(await link({ articleId, ticketId })).linkKnowledgeArticle;
    expect(whole).toMatchObject({ ticketId, messageId: null, linkedBy: agentId, article: { id: articleId } });
    const inReply = dataOf(await link({ articleId, ticketId, messageId })).linkKnowledgeArticle;
    expect(inReply).toMatchObject({ ticketId, messageId });
    expect(dataOf(await link({ articleId, ticketId })).linkKnowledgeArticle).toEqual(whole);
    expect(dataOf(await link({ articleId, ticketId, messageId })).linkKnowledgeArticle).toEqual(inReply);

    expect(dataOf(await system.graphql(TICKET_LINKS, { ticketId }, agent)).ticketKnowledgeLinks).toEqual([
      { id: whole.id, messageId: null, article: { id: articleId } },
      { id: inReply.id, messageId, article: { id: articleId } },
    ]);
    // The columns other capabilities (rollout metrics) read.
    const rows = await system.dataSource.query(
      'SELECT article_id, ticket_id, message_id, linked_by FROM knowledge_article_links WHERE ticket_id = $1 ORDER BY linked_at',
      [ticketId],
    );
    expect(rows).toEqual([
      { article_id: articleId, ticket_id: ticketId, message_id: null, linked_by: agentId },
      { article_id: articleId, ticket_id: ticketId, message_id: messageId, linked_by: agentId },
    ]);
    const audit = await system.dataSource.query(`SELECT after FROM audit_log WHERE action = 'knowledge_article.linked' AND entity_id = $1`, [articleId]);
    expect(audit).toEqual([{ after: { linkId: whole.id, ticketId, messageId: null } }, { after: { linkId: inReply.id, ticketId, messageId } }]);
  });

  it('counts links, linked tickets, and tickets resolved with the article as their status changes', async () => {
    const articleId = await article('PUBLISHED', 'PUBLIC');
    const [first, second, third] = [await ticket(), await ticket(), await ticket()];
    dataOf(await link({ articleId, ticketId: first }));
    dataOf(await link({ articleId, ticketId: first, messageId: await reply(first) }));
    dataOf(await link({ articleId, ticketId: second }));
    expect(await usage(articleId)).toEqual({ links: 3, linkedTickets: 2, resolvedTickets: 0 });

    await solve(first);
    await solve(third); // solved, but never linked to this article
    expect(await usage(articleId)).toEqual({ links: 3, linkedTickets: 2, resolvedTickets: 1 });

    const reopen = { input: { ticketId: first, status: 'OPEN' } };
    dataOf(await system.graphql(CHANGE_STATUS, reopen, agent));
    expect(await usage(articleId)).toEqual({ links: 3, linkedTickets: 2, resolvedTickets: 0 });
    expect(await usage(await article())).toEqual({ links: 0, linkedTickets: 0, resolvedTickets: 0 });
  });

  describe('refusals, which write nothing', () => {
    it.each<[string, 'DRAFT' | 'ARCHIVED']>([
      ['a draft', 'DRAFT'],
      ['an archived article', 'ARCHIVED'],
    ])('refuses to link %s with CONFLICT', async (_case, status) => {
      const [articleId, ticketId] = [await article(status), await ticket()];
      const before = await knowledgeTables(system);
      const error = onlyError(await link({ articleId, ticketId }));
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toMatch(/only published articles can be linked/);
      expect(await knowledgeTables(system)).toEqual(before);
    });

    it('answers NOT_FOUND for an unknown article or ticket, or a reply on another ticket', async () => {
      const [articleId, ticketId, other] = [await article(), await ticket(), await ticket()];
      const otherReply = await reply(other);
      const unknown = '00000000-0000-4000-8000-00000000cafe';
      const before = await knowledgeTables(system);
      expect(onlyError(await link({ articleId: unknown, ticketId })).code).toBe('NOT_FOUND');
      expect(onlyError(await link({ articleId, ticketId: unknown }))).toMatchObject({ code: 'NOT_FOUND', message: `There is no ticket ${unknown}.` });
      expect(onlyError(await link({ articleId, ticketId, messageId: otherReply }))).toMatchObject({
        code: 'NOT_FOUND',
        message: `The ticket ${ticketId} has no reply ${otherReply}.`,
      });
      expect(onlyError(await link({ articleId, ticketId: 'T-1' })).code).toBe('BAD_USER_INPUT');
      expect(await knowledgeTables(system)).toEqual(before);
    });

    it('keeps linking for staff', async () => {
      const [articleId, ticketId] = [await article(), await ticket()];
      expect(onlyError(await system.graphql(LINK, { input: { articleId, ticketId } })).code).toBe('UNAUTHENTICATED');
      const { token: operator } = await system.signIn(['migration_operator']);
      expect(onlyError(await system.graphql(LINK, { input: { articleId, ticketId } }, operator)).code).toBe('FORBIDDEN');
    });
  });
});
