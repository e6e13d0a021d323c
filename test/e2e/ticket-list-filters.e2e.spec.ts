import { randomBytes } from 'node:crypto';
import { TicketEntity } from '../../libs/db/entities/ticket.entity.js';
import { applyTicketFilters, applyTicketOrder } from '../../apps/api/tickets/ticket-list-query.js';
import { DEFAULT_TICKET_ORDER, SORT_COLUMNS, type TicketOrder } from '../../apps/api/tickets/ticket-sort.js';
import type { TicketsFilterInput } from '../../apps/api/tickets/dto/tickets-filter.input.js';
import { dataOf, onlyError } from '../support/graphql-responses.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

// The ticket list agents work from: every filter, full-text search, every sort with keyset pagination (stable under
// ties), and the plans PostgreSQL picks for the common filters.

const LIST = `query($filter: TicketsFilterInput, $orderBy: TicketOrderInput, $first: Int, $after: String) {
  tickets(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    edges { cursor node { id } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const CREATE_TICKET = 'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id assigneeId } }';
const REPLY = 'mutation($input: ReplyToTicketInput!) { replyToTicket(input: $input) { id } }';
const CREATE_GROUP = 'mutation($name: String!) { createGroup(input: { name: $name }) { id } }';
const UPSERT_AGENT = 'mutation($input: UpsertAgentInput!) { upsertAgent(input: $input) { userId } }';
const SET_MY_AVAILABILITY = 'mutation($availability: AgentAvailability!) { setMyAvailability(availability: $availability) { availability } }';

describe('the ticket list: filters, search, sorts', () => {
  let system: TestSystem;
  let supervisor: string;

  /** A requester of its own for each test, so a test lists only its own tickets. */
  const requester = () => `r-${randomBytes(4).toString('hex')}@example.com`;

  async function createTicket(token: string, input: Record<string, unknown>): Promise<{ id: string; assigneeId: string | null }> {
    const base = { subject: 'Something', description: 'Something is off.', requesterEmail: 'customer@example.com', channel: 'EMAIL' };
    return dataOf(await system.graphql(CREATE_TICKET, { input: { ...base, ...input } }, token)).createTicket;
  }

  async function ids(filter: Record<string, unknown>, token = supervisor, orderBy?: Record<string, unknown>): Promise<string[]> {
    const data = dataOf(await system.graphql(LIST, { filter, orderBy, first: 50 }, token));
    return data.tickets.edges.map((edge: { node: { id: string } }) => edge.node.id);
  }

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: supervisor } = await system.signIn(['supervisor']));
  });
  afterAll(() => system.stop());

  it('filters by assignee: me, unassigned, or agents named (any of them)', async () => {
    const { token: admin } = await system.signIn(['admin']);
    const group = dataOf(await system.graphql(CREATE_GROUP, { name: 'List filters' }, admin)).createGroup.id;
    const ana = await system.signIn(['agent']);
    dataOf(await system.graphql(UPSERT_AGENT, { input: { userId: ana.userId, groupIds: [group] } }, admin));
    dataOf(await system.graphql(SET_MY_AVAILABILITY, { availability: 'ONLINE' }, ana.token));
    const email = requester();
    const mine = await createTicket(ana.token, { requesterEmail: email, groupId: group });
    expect(mine.assigneeId).toBe(ana.userId);
    dataOf(await system.graphql(SET_MY_AVAILABILITY, { availability: 'AWAY' }, ana.token));
    const waiting = await createTicket(ana.token, { requesterEmail: email, groupId: group });
    expect(waiting.assigneeId).toBeNull();

    expect(await ids({ requesterEmail: email, assignee: { me: true } }, ana.token)).toEqual([mine.id]);
    expect(await ids({ requesterEmail: email, assignee: { unassigned: true } }, ana.token)).toEqual([waiting.id]);
    expect(await ids({ requesterEmail: email, assignee: { agentIds: [ana.userId] } })).toEqual([mine.id]);
    expect(await ids({ requesterEmail: email, assignee: { me: true, unassigned: true } }, ana.token)).toEqual([waiting.id, mine.id]);
    expect(await ids({ requesterEmail: email, assignee: { me: true } })).toEqual([]); // the supervisor has none
  });

  it('filters by group, organization, tags (all of them), requester and creation and update ranges', async () => {
    const email = requester();
    const a = await createTicket(supervisor, { requesterEmail: email, groupId: 'tier-a', organizationId: 'acme', tags: ['vpn', 'mac'] });
    const b = await createTicket(supervisor, { requesterEmail: email, groupId: 'tier-b', organizationId: 'globex', tags: ['vpn'] });
    const c = await createTicket(supervisor, { requesterEmail: requester(), groupId: 'tier-a', organizationId: 'acme', tags: ['vpn', 'mac'] });
    await system.dataSource.query(
      `UPDATE tickets SET created_at = v.at::timestamptz, updated_at = v.at::timestamptz + interval '1 day'
         FROM (VALUES ($1::uuid, '2031-01-01T00:00:00Z'), ($2::uuid, '2031-02-01T00:00:00Z')) AS v(id, at) WHERE tickets.id = v.id`,
      [a.id, b.id],
    );

    expect(await ids({ requesterEmail: email, groupIds: ['tier-a'] })).toEqual([a.id]);
    expect(await ids({ requesterEmail: email, groupIds: ['tier-a', 'tier-b'] })).toEqual([b.id, a.id]);
    expect(await ids({ requesterEmail: email, organizationIds: ['globex'] })).toEqual([b.id]);
    expect(await ids({ requesterEmail: email, tags: ['vpn', 'mac'] })).toEqual([a.id]);
    expect(await ids({ requesterEmail: email, tags: ['vpn'] })).toEqual([b.id, a.id]);
    expect((await ids({ groupIds: ['tier-a'], tags: ['mac'] })).sort()).toEqual([a.id, c.id].sort());
    const january = { from: '2031-01-01T00:00:00Z', to: '2031-02-01T00:00:00Z' };
    expect(await ids({ requesterEmail: email, createdAt: january })).toEqual([a.id]); // `to` is exclusive
    expect(await ids({ requesterEmail: email, createdAt: { from: '2031-01-01T00:00:01Z' } })).toEqual([b.id]);
    expect(await ids({ requesterEmail: email, updatedAt: { to: '2031-01-02T00:00:01Z' } })).toEqual([a.id]);
  });

  it('filters by SLA state: breached, or at risk within N minutes', async () => {
    const email = requester();
    const [breached, missedByClock, soon, later, none] = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => createTicket(supervisor, { requesterEmail: email, subject: `SLA ${n}`, groupId: 'sla-list' })),
    );
    const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
    // The read model the workflows keep; set here so each state is exact.
    const setSla = (id: string, deadline: string | null, breachedAt: string | null) =>
      system.dataSource.query('UPDATE tickets SET sla_deadline = $2, sla_breached_at = $3 WHERE id = $1', [id, deadline, breachedAt]);
    await setSla(breached.id, minutesFromNow(120), minutesFromNow(-60)); // missed first reply, resolution still running
    await setSla(missedByClock.id, minutesFromNow(-1), null); // past its deadline, the workflow about to record it
    await setSla(soon.id, minutesFromNow(20), null);
    await setSla(later.id, minutesFromNow(90), null);
    await setSla(none.id, null, null);

    expect((await ids({ requesterEmail: email, sla: { breached: true } })).sort()).toEqual([breached.id, missedByClock.id].sort());
    expect((await ids({ requesterEmail: email, sla: { breached: false } })).sort()).toEqual([soon.id, later.id, none.id].sort());
    expect(await ids({ requesterEmail: email, sla: { atRiskWithinMinutes: 30 } })).toEqual([soon.id]);
    expect((await ids({ requesterEmail: email, sla: { atRiskWithinMinutes: 180 } })).sort()).toEqual([breached.id, soon.id, later.id].sort());
    expect(onlyError(await system.graphql(LIST, { filter: { sla: { atRiskWithinMinutes: 0 } } }, supervisor)).code).toBe('BAD_USER_INPUT');
  });

  it('searches subject, description and messages as full text (stemmed), and refuses a search with no words', async () => {
    const email = requester();
    const bySubject = await createTicket(supervisor, { requesterEmail: email, subject: 'Invoices are duplicated', description: 'See attached.' });
    const byDescription = await createTicket(supervisor, { requesterEmail: email, subject: 'Billing', description: 'My invoice shows twice.' });
    const byMessage = await createTicket(supervisor, { requesterEmail: email, subject: 'Question', description: 'Hello.' });
    dataOf(await system.graphql(REPLY, { input: { ticketId: byMessage.id, body: 'Which invoice number do you mean?', public: true } }, supervisor));
    await createTicket(supervisor, { requesterEmail: email, subject: 'Printer', description: 'Out of toner.' });

    expect((await ids({ requesterEmail: email, search: 'invoice' })).sort()).toEqual([bySubject.id, byDescription.id, byMessage.id].sort());
    expect(await ids({ requesterEmail: email, search: 'invoice -twice -number' })).toEqual([bySubject.id]);
    expect(await ids({ requesterEmail: email, search: '"invoice number"' })).toEqual([byMessage.id]);
    expect(await ids({ requesterEmail: email, search: 'refund' })).toEqual([]);
    const error = onlyError(await system.graphql(LIST, { filter: { search: '!!!' } }, supervisor));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', message: 'search needs at least one letter or digit.' });
  });

  describe('sorting with keyset pagination', () => {
    let email: string;
    let created: string[];

    beforeAll(async () => {
      email = requester();
      const priorities = ['LOW', 'URGENT', 'NORMAL', 'HIGH', 'URGENT', 'LOW', 'NORMAL'];
      created = [];
      for (const priority of priorities) created.push((await createTicket(supervisor, { requesterEmail: email, priority, groupId: 'sorting' })).id);
      // Ties on every key (same instant to the microsecond, same deadline, no deadline), microseconds JavaScript cannot hold.
      await system.dataSource.query(
        `UPDATE tickets SET created_at = '2032-01-01T00:00:00.123456Z'::timestamptz + (v.n / 3) * interval '1 second',
                updated_at = '2032-06-01T00:00:00.654321Z'::timestamptz + (v.n % 2) * interval '1 microsecond',
                sla_deadline = CASE WHEN v.n % 3 = 0 THEN NULL ELSE '2032-07-01T00:00:00.000001Z'::timestamptz + (v.n % 2) * interval '1 minute' END
           FROM unnest($1::uuid[]) WITH ORDINALITY AS v(id, n) WHERE tickets.id = v.id`,
        [created],
      );
    });

    /** Every page of two, following endCursor. */
    async function walk(orderBy: Record<string, string>): Promise<string[]> {
      const walked: string[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 20; pages++) {
        const data: Record<string, any> = dataOf(await system.graphql(LIST, { filter: { requesterEmail: email }, orderBy, first: 2, after }, supervisor));
        walked.push(...data.tickets.edges.map((edge: { node: { id: string } }) => edge.node.id));
        if (!data.tickets.pageInfo.hasNextPage) return walked;
        after = data.tickets.pageInfo.endCursor;
      }
      throw new Error('the walk did not end');
    }

    const sqlOrder = async ({ by, direction }: TicketOrder): Promise<string[]> => {
      const column = SORT_COLUMNS[by].column;
      const rows = await system.dataSource.query<Array<{ id: string }>>(
        `SELECT id FROM tickets WHERE requester_email = $1 ORDER BY ${column} ${direction}, id ${direction}`,
        [email],
      );
      return rows.map((row) => row.id);
    };

    it.each([
      ['CREATED_AT', 'DESC'], ['CREATED_AT', 'ASC'], ['UPDATED_AT', 'DESC'], ['UPDATED_AT', 'ASC'],
      ['SLA_DEADLINE', 'ASC'], ['SLA_DEADLINE', 'DESC'], ['PRIORITY', 'DESC'], ['PRIORITY', 'ASC'],
    ])('walks %s %s in pages of two, each ticket once, ties broken by id', async (by, direction) => {
      const walked = await walk({ by, direction });
      expect(walked).toHaveLength(created.length);
      expect(walked).toEqual(await sqlOrder({ by: by.toLowerCase() as TicketOrder['by'], direction: direction.toLowerCase() as TicketOrder['direction'] }));
    });

    it('sorts priority by rank, not alphabetically, and no deadline after every deadline', async () => {
      const priorities = async (direction: string) => {
        const rows = await system.dataSource.query<Array<{ id: string; priority: string }>>('SELECT id, priority FROM tickets WHERE requester_email = $1', [email]);
        const priorityOf = new Map(rows.map((row) => [row.id, row.priority]));
        return [...new Set((await walk({ by: 'PRIORITY', direction })).map((id) => priorityOf.get(id)))];
      };
      expect(await priorities('DESC')).toEqual(['urgent', 'high', 'normal', 'low']);
      const byDeadline = await walk({ by: 'SLA_DEADLINE', direction: 'ASC' });
      const withoutDeadline = created.filter((_id, index) => (index + 1) % 3 === 0);
      expect(byDeadline.slice(-withoutDeadline.length).sort()).toEqual([...withoutDeadline].sort());
    });

    it('refuses a cursor taken in another order', async () => {
      const first = dataOf(await system.graphql(LIST, { filter: { requesterEmail: email }, first: 2 }, supervisor));
      const error = onlyError(
        await system.graphql(LIST, { filter: { requesterEmail: email }, orderBy: { by: 'PRIORITY' }, first: 2, after: first.tickets.pageInfo.endCursor }, supervisor),
      );
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', message: 'after was returned for another orderBy; start again from the first page.' });
    });
  });

  describe('query plans for the common filters', () => {
    // Enough rows, each filter value on few enough of them (20 of 20,000), that reading the filter's index beats reading
    // the table or walking the newest-first index until a page is full; then fresh statistics.
    beforeAll(async () => {
      await system.dataSource.query(
        `INSERT INTO tickets (id, subject, description, requester_email, channel, priority, status, assignee_id, group_id,
                              organization_id, tags, fields, created_at, updated_at, sla_deadline)
         SELECT gen_random_uuid(), 'Bulk ticket ' || n, 'Nothing to see in ticket ' || n, 'bulk-' || (n % 1000) || '@explain.example',
                'email', (ARRAY['low','normal','high','urgent'])[1 + n % 4], 'open',
                (SELECT id FROM users ORDER BY id LIMIT 1 OFFSET (n % 3)), 'bulk-group-' || (n % 1000), 'bulk-org-' || (n % 1000),
                ARRAY['bulk-tag-' || (n % 1000)], jsonb_build_object('product', 'bulk-product-' || (n % 1000)),
                now() - n * interval '1 minute', now() - n * interval '1 second',
                CASE WHEN n % 10 = 0 THEN now() + n * interval '1 minute' END
           FROM generate_series(1, 20000) AS n`,
      );
      await system.dataSource.query(
        `INSERT INTO ticket_messages (id, ticket_id, author_type, body, is_public)
         SELECT gen_random_uuid(), id, 'customer', 'Bulk message about ' || subject, true
           FROM tickets WHERE requester_email LIKE '%@explain.example'`,
      );
      // VACUUM also moves the new entries out of the GIN indexes' pending lists, as autovacuum would in production.
      await system.dataSource.query('VACUUM ANALYZE tickets');
      await system.dataSource.query('VACUUM ANALYZE ticket_messages');
    });

    /** The plan of the very query the list runs (same builder), for a page of 20. */
    async function plan(filter: TicketsFilterInput, order: TicketOrder = DEFAULT_TICKET_ORDER): Promise<string> {
      const query = system.dataSource.getRepository(TicketEntity).createQueryBuilder('t').limit(21);
      applyTicketFilters(query, filter, '00000000-0000-4000-8000-000000000099', new Date());
      applyTicketOrder(query, order, null);
      const [sql, parameters] = query.getQueryAndParameters();
      const rows = await system.dataSource.query<Array<{ 'QUERY PLAN': string }>>(`EXPLAIN ${sql}`, parameters);
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    }

    it.each<[string, TicketsFilterInput, TicketOrder | undefined, string[]]>([
      ['the default list (newest first)', {}, undefined, ['tickets_created_at_id']],
      ['assignee', { assignee: { agentIds: ['00000000-0000-4000-8000-000000000099'] } }, undefined, ['tickets_assignee_created']],
      ['group', { groupIds: ['bulk-group-7'] }, undefined, ['tickets_group_created']],
      ['organization', { organizationIds: ['bulk-org-7'] }, undefined, ['tickets_organization_created']],
      ['requester', { requesterEmail: 'bulk-7@explain.example' }, undefined, ['tickets_requester_created']],
      ['a rare ticket type (the bulk tickets are all questions)', { types: ['task'] }, undefined, ['tickets_type_created']],
      ['tags', { tags: ['bulk-tag-7'] }, undefined, ['tickets_tags']],
      ['a custom field', { fields: [{ name: 'product', value: 'bulk-product-7' }] }, undefined, ['tickets_fields']],
      ['full-text search', { search: 'toner' }, undefined, ['tickets_search', 'ticket_messages_search']],
      ['SLA at risk', { sla: { atRiskWithinMinutes: 30 } }, undefined, ['tickets_sla_deadline']],
      ['recently updated', {}, { by: 'updated_at', direction: 'desc' }, ['tickets_updated_at_id']],
      ['by priority', {}, { by: 'priority', direction: 'desc' }, ['tickets_priority_rank_id']],
      ['by next deadline', {}, { by: 'sla_deadline', direction: 'asc' }, ['tickets_sla_deadline_sort_id']],
    ])('serves %s from its index', async (_what, filter, order, indexes) => {
      const explained = await plan(filter, order);
      for (const index of indexes) expect(explained).toContain(index);
      expect(explained).not.toMatch(/Seq Scan on tickets/);
    });
  });
});
