import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { onlyError } from '../support/tickets.js';
import {
  CREATE_SLA,
  CREATE_SLA_TICKET,
  REPLY,
  dataOf,
  iso,
  metricOf,
  ms,
  readSlaTicket,
  waitForTicket,
  type SlaTicket,
} from '../support/sla.js';
import { waitFor } from '../../libs/devstack/wait-for.js';

// The at-risk list (tickets whose next SLA deadline is near, or past), served from the read model the ticket workflows
// keep in PostgreSQL. First-reply targets of 1 minute, 30 minutes and 10 hours (24x7) put deadlines at known distances.
// The 1-minute ticket is created first and really breaches: the last test waits for it (about a minute after the
// file starts; the file stays well under 90 s).

const MINUTE = 60_000;
const AT_RISK = `query($withinMinutes: Int!, $groupId: String, $priorities: [TicketPriority!], $first: Int!) {
  ticketsAtRisk(withinMinutes: $withinMinutes, groupId: $groupId, priorities: $priorities, first: $first) {
    metric deadline breached secondsToDeadline ticket { id priority groupId }
  }
}`;

interface AtRisk {
  metric: string;
  deadline: string;
  breached: boolean;
  secondsToDeadline: number;
  ticket: { id: string; priority: string; groupId: string | null };
}

describe('tickets at risk of breaching their SLA', () => {
  let system: TestSystem;
  let admin: string;
  let agent: string;
  /** risk-a: urgent (1 min), high (30 min), normal (10 h); risk-b: high (30 min), urgent but answered (no deadline). */
  const t: Record<'a1' | 'a2' | 'a3' | 'b1' | 'b2', SlaTicket> = {} as never;
  const targetMinutes = { a1: 1, a2: 30, a3: 600, b1: 30 } as const;

  async function createTicket(priority: string, groupId: string): Promise<SlaTicket> {
    const input = { subject: `${priority} in ${groupId}`, description: 'Needs an answer.', requesterEmail: 'r@example.com', channel: 'WEB', priority, groupId };
    return dataOf(await system.graphql<{ createTicket: SlaTicket }>(CREATE_SLA_TICKET, { input }, agent)).createTicket;
  }

  async function atRisk(variables: Record<string, unknown>, token = agent): Promise<{ list: AtRisk[]; askedFrom: number; answeredBy: number }> {
    const askedFrom = Date.now();
    const list = dataOf(await system.graphql<{ ticketsAtRisk: AtRisk[] }>(AT_RISK, { first: 20, ...variables }, token)).ticketsAtRisk;
    return { list, askedFrom, answeredBy: Date.now() };
  }

  const ids = (list: AtRisk[]) => list.map((entry) => entry.ticket.id);
  const deadlineOf = (key: keyof typeof targetMinutes) => ms(t[key].createdAt) + targetMinutes[key] * MINUTE;

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: admin } = await system.signIn(['admin']));
    ({ token: agent } = await system.signIn(['agent']));
    dataOf(
      await system.graphql(
        CREATE_SLA,
        {
          input: {
            name: 'Risky',
            targets: [
              { priority: 'URGENT', metric: 'FIRST_REPLY', minutes: 1, businessHours: false },
              { priority: 'HIGH', metric: 'FIRST_REPLY', minutes: 30, businessHours: false },
              { priority: 'NORMAL', metric: 'FIRST_REPLY', minutes: 600, businessHours: false },
            ],
            warningThresholds: [],
          },
        },
        admin,
      ),
    );
    // One at a time, so deadlines of equal targets follow creation order.
    t.a1 = await createTicket('URGENT', 'risk-a');
    t.a2 = await createTicket('HIGH', 'risk-a');
    t.a3 = await createTicket('NORMAL', 'risk-a');
    t.b1 = await createTicket('HIGH', 'risk-b');
    t.b2 = await createTicket('URGENT', 'risk-b');
    // Answered at once: its only clock stops, so it has no deadline and is at no risk.
    dataOf(await system.graphql(REPLY, { input: { ticketId: t.b2.id, body: 'Answered.' } }, agent));
  });
  afterAll(() => system.stop());

  it('lists the tickets of a group whose deadline falls within the window, soonest first, and not the far one', async () => {
    const { list, askedFrom, answeredBy } = await atRisk({ withinMinutes: 60, groupId: 'risk-a' });
    expect(ids(list)).toEqual([t.a1.id, t.a2.id]);
    for (const [entry, key] of [
      [list[0], 'a1'],
      [list[1], 'a2'],
    ] as const) {
      const deadline = deadlineOf(key);
      expect(entry).toMatchObject({ metric: 'FIRST_REPLY', deadline: iso(deadline), breached: false, ticket: { groupId: 'risk-a' } });
      expect(entry.secondsToDeadline).toBeLessThanOrEqual(Math.floor((deadline - askedFrom) / 1000));
      expect(entry.secondsToDeadline).toBeGreaterThanOrEqual(Math.floor((deadline - answeredBy) / 1000));
      expect(entry.secondsToDeadline).toBeGreaterThan(0);
    }
    // The deadline is the one the ticket's live SLA shows.
    expect(metricOf(await readSlaTicket(system, t.a2.id, agent), 'FIRST_REPLY').deadline).toBe(list[1].deadline);
  });

  it('orders every group together by deadline, widens with the window, and leaves out tickets with no running clock', async () => {
    expect(ids((await atRisk({ withinMinutes: 60 })).list)).toEqual([t.a1.id, t.a2.id, t.b1.id]);
    const wide = (await atRisk({ withinMinutes: 601 })).list;
    expect(ids(wide)).toEqual([t.a1.id, t.a2.id, t.b1.id, t.a3.id]);
    const deadlines = wide.map((entry) => ms(entry.deadline));
    expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));
    expect(wide.map((entry) => entry.secondsToDeadline)).toEqual([...wide.map((entry) => entry.secondsToDeadline)].sort((a, b) => a - b));
    expect(ids(wide)).not.toContain(t.b2.id); // answered: its first-reply clock stopped
    // 10 h minus the seconds gone by: a 599-minute window does not reach it.
    expect(ids((await atRisk({ withinMinutes: 599 })).list)).not.toContain(t.a3.id);
    expect(ids((await atRisk({ withinMinutes: 601, first: 2 })).list)).toEqual([t.a1.id, t.a2.id]);
  });

  it('filters by priorities, and by group and priorities together', async () => {
    expect(ids((await atRisk({ withinMinutes: 601, priorities: ['HIGH'] })).list)).toEqual([t.a2.id, t.b1.id]);
    expect(ids((await atRisk({ withinMinutes: 601, priorities: ['URGENT', 'NORMAL'] })).list)).toEqual([t.a1.id, t.a3.id]);
    expect(ids((await atRisk({ withinMinutes: 601, priorities: ['HIGH'], groupId: 'risk-b' })).list)).toEqual([t.b1.id]);
    expect((await atRisk({ withinMinutes: 601, priorities: ['LOW'] })).list).toEqual([]);
    expect((await atRisk({ withinMinutes: 601, groupId: 'nobody' })).list).toEqual([]);
  });

  it('is open to agents, supervisors and admins only', async () => {
    const { token: supervisor } = await system.signIn(['supervisor']);
    expect(ids((await atRisk({ withinMinutes: 60, groupId: 'risk-b' }, supervisor)).list)).toEqual([t.b1.id]);
    const { token: operator } = await system.signIn(['migration_operator']);
    expect(onlyError(await system.graphql(AT_RISK, { withinMinutes: 60, first: 5 }, operator)).code).toBe('FORBIDDEN');
    expect(onlyError(await system.graphql(AT_RISK, { withinMinutes: 60, first: 5 })).code).toBe('UNAUTHENTICATED');
  });

  it('runs a query that can walk an index on the next deadline (tickets_sla_deadline, or per group tickets_sla_deadline_by_group)', async () => {
    // Capture the SQL the API really runs for the list, with its parameters.
    const logger = system.dataSource.logger;
    const original = logger.logQuery;
    const captured: Array<{ query: string; parameters: unknown[] }> = [];
    logger.logQuery = (query, parameters, runner) => {
      if (/^SELECT/i.test(query) && query.includes('sla_deadline') && /ORDER BY/i.test(query)) captured.push({ query, parameters: (parameters ?? []) as unknown[] });
      return original.call(logger, query, parameters, runner);
    };
    try {
      await atRisk({ withinMinutes: 60 });
      await atRisk({ withinMinutes: 60, groupId: 'risk-a', priorities: ['HIGH', 'URGENT'] });
    } finally {
      logger.logQuery = original;
    }
    expect(captured).toHaveLength(2);
    for (const { query, parameters } of captured) {
      const plan = await system.dataSource.transaction(async (manager) => {
        // A handful of rows is cheapest to scan: forbid that, to see whether the planner *can* use the index.
        await manager.query('SET LOCAL enable_seqscan = off');
        const rows = await manager.query<Array<{ 'QUERY PLAN': string }>>(`EXPLAIN ${query}`, parameters);
        return rows.map((row) => row['QUERY PLAN']).join('\n');
      });
      expect(plan).toContain('tickets_sla_deadline');
    }
  });

  it(
    'includes a breached ticket, marked breached with a negative time to its deadline, first in the list',
    async () => {
      const deadline = deadlineOf('a1');
      // The list counts a ticket as breached once its deadline has passed …
      const { list } = await waitFor(
        'the 1-minute ticket to pass its deadline',
        async () => {
          const answer = await atRisk({ withinMinutes: 0 });
          if (answer.list.length === 0) throw new Error(`deadline in ${Math.round((deadline - Date.now()) / 1000)} s`);
          return answer;
        },
        deadline - Date.now() + 10_000,
        250,
      );
      expect(list).toEqual([
        { metric: 'FIRST_REPLY', deadline: iso(deadline), breached: true, secondsToDeadline: expect.any(Number), ticket: expect.objectContaining({ id: t.a1.id }) },
      ]);
      expect(list[0].secondsToDeadline).toBeLessThanOrEqual(0); // 0 only when asked at the deadline's very millisecond

      // … and the workflow records the breach by itself, within seconds.
      const breached = await waitForTicket(system, t.a1.id, agent, 'the recorded breach', (ticket) => ticket.slaBreachedAt !== null);
      expect(breached.slaBreachedAt).toBe(iso(deadline));
      const firstReply = metricOf(breached, 'FIRST_REPLY');
      expect(firstReply).toMatchObject({
        state: 'RUNNING',
        breached: true,
        deadline: iso(deadline),
        breach: { deadline: iso(deadline), detectedAt: expect.any(String), overdueSeconds: expect.any(Number) },
      });
      expect(firstReply.remainingSeconds).toBeLessThan(0);
      expect(ms(firstReply.breach!.detectedAt) - deadline).toBeLessThan(5_000);
      const event = breached.timeline.find((e) => e.type === 'sla_breached')!;
      expect(event).toMatchObject({ actor: 'system', data: { metric: 'first_reply', deadline: iso(deadline), detectedAt: firstReply.breach!.detectedAt } });

      // Still listed (the deadline stays in the past while the clock runs), ahead of the tickets not yet breached.
      const after = await atRisk({ withinMinutes: 60 });
      expect(ids(after.list)).toEqual([t.a1.id, t.a2.id, t.b1.id]);
      expect(after.list.map((entry) => entry.breached)).toEqual([true, false, false]);
      // Rounded down, so negative as soon as the deadline is past, not only a whole second later.
      expect(after.list[0].secondsToDeadline).toBeLessThan(0);
      expect(after.list[0].secondsToDeadline).toBeGreaterThanOrEqual(Math.floor((deadline - after.answeredBy) / 1000));
      expect(after.list[0].secondsToDeadline).toBeLessThanOrEqual(Math.floor((deadline - after.askedFrom) / 1000));
    },
    90_000,
  );
});
