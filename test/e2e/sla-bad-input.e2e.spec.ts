import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { onlyError } from '../support/tickets.js';
import {
  ACKNOWLEDGE,
  CHANGE_STATUS,
  CREATE_SLA,
  CREATE_SLA_TICKET,
  CUSTOMER_REPLY,
  RECLASSIFY,
  dataOf,
  readSlaTicket,
  type SlaTicket,
} from '../support/sla.js';

// Bad input to the SLA-related ticket operations is refused with BAD_USER_INPUT, naming what is wrong, and writes
// nothing: not the ticket row, its timeline or messages, nor the workflow's state.

const AT_RISK = `query($withinMinutes: Int!, $first: Int!) { ticketsAtRisk(withinMinutes: $withinMinutes, first: $first) { ticket { id } } }`;

describe('bad input to SLA operations', () => {
  let system: TestSystem;
  let agent: string;
  let open: SlaTicket;
  let solved: SlaTicket;

  async function createTicket(): Promise<SlaTicket> {
    const input = { subject: 'Slow search', description: 'Search takes 30 s.', requesterEmail: 'u@example.com', channel: 'API', priority: 'NORMAL', tags: ['search'] };
    return dataOf(await system.graphql<{ createTicket: SlaTicket }>(CREATE_SLA_TICKET, { input }, agent)).createTicket;
  }

  /** Everything a refused change could have touched. */
  async function footprint(ticketId: string) {
    const [row] = await system.dataSource.query('SELECT * FROM tickets WHERE id = $1', [ticketId]);
    const ticket = await readSlaTicket(system, ticketId, agent);
    const live = await system.temporal.workflow.getHandle(`ticket:${ticketId}`).query<{ lifecycleVersion: number; eventSequence: number }>('ticketState');
    return {
      row,
      timeline: ticket.timeline,
      policy: ticket.sla.policy,
      clocks: ticket.sla.metrics.map(({ metric, state, targetMinutes, deadline }) => ({ metric, state, targetMinutes, deadline })),
      live: { lifecycleVersion: live.lifecycleVersion, eventSequence: live.eventSequence },
      messages: await system.dataSource.query('SELECT * FROM ticket_messages ORDER BY id'),
      tickets: await system.dataSource.query('SELECT id FROM tickets ORDER BY id'),
    };
  }

  async function expectRefused(ticketId: string, query: string, variables: Record<string, unknown>, message: RegExp): Promise<void> {
    const before = await footprint(ticketId);
    const error = onlyError(await system.graphql(query, variables, agent));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(message);
    expect(await footprint(ticketId)).toEqual(before);
  }

  beforeAll(async () => {
    system = await startTestSystem();
    const { token: admin } = await system.signIn(['admin']);
    ({ token: agent } = await system.signIn(['agent']));
    dataOf(
      await system.graphql(
        CREATE_SLA,
        {
          input: {
            name: 'Everyone',
            targets: [
              { priority: 'NORMAL', metric: 'FIRST_REPLY', minutes: 120 },
              { priority: 'NORMAL', metric: 'RESOLUTION', minutes: 960 },
              { priority: 'HIGH', metric: 'FIRST_REPLY', minutes: 60 },
            ],
          },
        },
        admin,
      ),
    );
    open = await createTicket();
    solved = await createTicket();
    dataOf(await system.graphql(CHANGE_STATUS, { input: { ticketId: solved.id, status: 'SOLVED' } }, agent));
  });
  afterAll(() => system.stop());

  describe('reclassifyTicket', () => {
    it.each<[string, Record<string, unknown>, RegExp]>([
      ['a priority that does not exist', { priority: 'CRITICAL' }, /Value "CRITICAL" does not exist in "TicketPriority" enum/],
      ['a null priority (it can only change)', { priority: null }, /priority cannot be cleared, only changed/],
      ['a tag over 50 characters', { tags: ['ok', 'x'.repeat(51)] }, /each value in tags must be longer than or equal to 1 and shorter than or equal to 50 characters/],
      ['an empty tag', { tags: [''] }, /each value in tags must be longer than or equal to 1 and shorter than or equal to 50 characters/],
      ['more than 20 tags', { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, /tags must contain no more than 20 elements/],
      ['an empty group', { groupId: '' }, /groupId must be longer than or equal to 1 characters/],
      ['an organization over 100 characters', { organizationId: 'o'.repeat(101) }, /organizationId must be shorter than or equal to 100 characters/],
      ['a field it does not have', { status: 'OPEN' }, /Field "status" is not defined by type "ReclassifyTicketInput"/],
    ])('refuses %s, even alongside a valid change', async (_case, change, message) => {
      // A valid priority change rides along: it must not be applied either.
      const input = { ticketId: open.id, priority: 'HIGH', ...change };
      await expectRefused(open.id, RECLASSIFY, { input }, message);
    });

    it('still applies a valid change afterwards (the refusals left the ticket as it was)', async () => {
      const reclassified = dataOf(await system.graphql(RECLASSIFY, { input: { ticketId: open.id, tags: ['search', 'x'.repeat(50)] } }, agent)).reclassifyTicket;
      expect(reclassified.tags).toEqual(['search', 'x'.repeat(50)]);
      expect(reclassified.priority).toBe('NORMAL');
    });
  });

  describe('recordCustomerReply', () => {
    it.each<[string, string, RegExp]>([
      ['a blank body', '   \n\t ', /body must not be blank/],
      ['an empty body', '', /body must be longer than or equal to 1 characters/],
    ])('refuses %s on a solved ticket, which stays solved with no message', async (_case, body, message) => {
      await expectRefused(solved.id, CUSTOMER_REPLY, { input: { ticketId: solved.id, body } }, message);
      const ticket = await readSlaTicket(system, solved.id, agent);
      expect(ticket.status).toBe('SOLVED');
      expect(ticket.timeline.map((e) => e.type)).not.toContain('reopened');
    });

    it('refuses a ticket id that is not one', async () => {
      await expectRefused(solved.id, CUSTOMER_REPLY, { input: { ticketId: 'ticket-1', body: 'Hello' } }, /ticketId must be a UUID/);
    });
  });

  describe('acknowledgeEscalation', () => {
    it('refuses a note over 2000 characters', async () => {
      await expectRefused(open.id, ACKNOWLEDGE, { input: { ticketId: open.id, note: 'n'.repeat(2001) } }, /note must be shorter than or equal to 2000 characters/);
    });
  });

  describe('ticketsAtRisk', () => {
    it.each<[string, Record<string, unknown>, RegExp]>([
      ['a negative window', { withinMinutes: -1, first: 10 }, /withinMinutes must not be less than 0/],
      ['a window over a week', { withinMinutes: 7 * 24 * 60 + 1, first: 10 }, /withinMinutes must not be greater than 10080/],
      ['an empty page', { withinMinutes: 60, first: 0 }, /first must not be less than 1/],
      // 1000 rows cost more than the query budget allows, which is checked before the arguments are.
      ['a page of 1000', { withinMinutes: 60, first: 1000 }, /The query costs 2000; the limit is 500/],
    ])('refuses %s', async (_case, variables, message) => {
      const error = onlyError(await system.graphql(AT_RISK, variables, agent));
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.message).toMatch(message);
    });

    it('refuses a page over 200 even when it is cheap enough to run', async () => {
      const error = onlyError(await system.graphql('query { ticketsAtRisk(first: 201, withinMinutes: 60) { __typename } }', {}, agent));
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/first must not be greater than 200/) });
    });
  });
});
