import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { CREATE_TICKET, newTicket, onlyError } from '../support/tickets.js';

const LIST = `query($filter: TicketsFilterInput, $first: Int, $after: String) {
  tickets(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id subject createdAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const SOME_UUID = '6f1b2a4e-9c0d-4b7e-8a3f-5c2d1e0b9a87';

interface Page {
  ids: string[];
  hasNextPage: boolean;
  endCursor: string | null;
}

describe('listing tickets with cursor pagination', () => {
  let system: TestSystem;
  let agent: string;

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: agent } = await system.signIn(['agent']));
  });
  afterAll(() => system.stop());

  /** Creates `count` tickets for one requester (so each test lists only its own) and returns their ids. */
  async function createTickets(requesterEmail: string, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const { data, errors } = await system.graphql(CREATE_TICKET, { input: newTicket({ requesterEmail, subject: `Ticket ${i}` }) }, agent);
      expect(errors).toBeUndefined();
      ids.push(data!.createTicket.id);
    }
    return ids;
  }

  async function page(requesterEmail: string, first: number, after?: string | null): Promise<Page> {
    const { data, errors } = await system.graphql(LIST, { filter: { requesterEmail }, first, after }, agent);
    expect(errors).toBeUndefined();
    const { edges, pageInfo } = data!.tickets;
    expect(pageInfo.endCursor).toBe(edges.at(-1)?.cursor ?? null);
    return { ids: edges.map((edge: { node: { id: string } }) => edge.node.id), ...pageInfo };
  }

  /** Follows endCursor from `from` (the start when null) until hasNextPage is false. */
  async function walk(requesterEmail: string, first: number, from: string | null = null): Promise<Page[]> {
    const pages: Page[] = [];
    let after: string | null = from;
    do {
      const next = await page(requesterEmail, first, after);
      pages.push(next);
      after = next.hasNextPage ? next.endCursor : null;
    } while (after !== null && pages.length < 50);
    return pages;
  }

  /** The order the API promises: newest first, ties broken by id, as PostgreSQL sorts them. */
  async function sqlOrder(requesterEmail: string): Promise<string[]> {
    const rows = await system.dataSource.query<Array<{ id: string }>>(
      'SELECT id FROM tickets WHERE requester_email = $1 ORDER BY created_at DESC, id DESC',
      [requesterEmail],
    );
    return rows.map((row) => row.id);
  }

  it('walks every ticket once, newest first, in pages that do not overlap, with hasNextPage false only on the last', async () => {
    const email = 'walker@example.com';
    const created = await createTickets(email, 7);

    const pages = await walk(email, 3);
    expect(pages.map((p) => p.ids.length)).toEqual([3, 3, 1]);
    expect(pages.map((p) => p.hasNextPage)).toEqual([true, true, false]);
    const walked = pages.flatMap((p) => p.ids);
    expect(new Set(walked).size).toBe(walked.length);
    expect([...walked].sort()).toEqual([...created].sort());
    expect(walked).toEqual(await sqlOrder(email));
    // Created one after another, so newest first is the reverse of creation.
    expect(walked).toEqual([...created].reverse());
  });

  it('says there is no next page when the last page is exactly full', async () => {
    const email = 'exact@example.com';
    await createTickets(email, 4);
    expect((await walk(email, 2)).map((p) => [p.ids.length, p.hasNextPage])).toEqual([
      [2, true],
      [2, false],
    ]);
    expect(await page(email, 4)).toMatchObject({ hasNextPage: false });
    expect(await page(email, 3)).toMatchObject({ hasNextPage: true });
  });

  it('gives the same order every time, and tickets created during the walk do not shift the pages after the cursor', async () => {
    const email = 'stable@example.com';
    await createTickets(email, 5);
    const first = await page(email, 2);
    const before = (await walk(email, 2)).flatMap((p) => p.ids);

    await createTickets(email, 2);
    const rest = (await walk(email, 2, first.endCursor)).flatMap((p) => p.ids);
    expect([...first.ids, ...rest]).toEqual(before);
    expect((await walk(email, 2)).flatMap((p) => p.ids).slice(2)).toEqual(before);
  });

  it('orders tickets created at the same instant by id, and a page boundary between them loses none', async () => {
    const email = 'same-instant@example.com';
    const created = await createTickets(email, 5);
    // Several requests can land in the same millisecond; make it certain for this test.
    await system.dataSource.query(`UPDATE tickets SET created_at = '2030-01-01T00:00:00.123Z' WHERE id = ANY($1::uuid[])`, [created]);

    const walked = (await walk(email, 2)).flatMap((p) => p.ids);
    expect(walked).toEqual([...created].sort().reverse());
  });

  it('filters by status, priority and channel', async () => {
    const email = 'filters@example.com';
    await system.graphql(CREATE_TICKET, { input: newTicket({ requesterEmail: email, priority: 'LOW', channel: 'CHAT' }) }, agent);
    await system.graphql(CREATE_TICKET, { input: newTicket({ requesterEmail: email, priority: 'URGENT', channel: 'PHONE' }) }, agent);
    const list = async (filter: Record<string, unknown>) =>
      (await system.graphql(LIST, { filter: { requesterEmail: email, ...filter }, first: 10 }, agent)).data!.tickets.edges.length;

    expect(await list({ priority: ['URGENT'] })).toBe(1);
    expect(await list({ channel: ['CHAT', 'PHONE'] })).toBe(2);
    expect(await list({ channel: ['WEB'] })).toBe(0);
    expect(await list({ status: ['NEW'] })).toBe(2);
    expect(await list({ status: ['SOLVED'] })).toBe(0);
  });

  it.each([
    ['random text', 'not-a-cursor'],
    ['a cursor without an id', Buffer.from('2030-01-01T00:00:00.000Z').toString('base64url')],
    ['a cursor whose id is not a UUID', Buffer.from('2030-01-01T00:00:00.000Z|abc').toString('base64url')],
    ['a cursor whose instant is not a date', Buffer.from(`yesterday|${SOME_UUID}`).toString('base64url')],
    ['a cursor whose instant PostgreSQL cannot store', Buffer.from(`-200000-01-01T00:00:00.000Z|${SOME_UUID}`).toString('base64url')],
  ])('refuses %s as `after` with BAD_USER_INPUT', async (_what, after) => {
    const error = onlyError(await system.graphql(LIST, { first: 2, after }, agent));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/after/);
  });

  it.each([0, -1, 101])('refuses first = %i with BAD_USER_INPUT naming the range', async (first) => {
    // A cheap selection, so the complexity limit (which grows with `first`) is not what refuses it.
    const error = onlyError(await system.graphql('query($first: Int) { tickets(first: $first) { pageInfo { hasNextPage } } }', { first }, agent));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('first must be between 1 and 100.');
  });
});
