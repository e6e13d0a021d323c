import { waitFor } from '../../libs/devstack/wait-for.js';
import { dataOf, onlyError } from '../support/graphql-responses.js';
import { sendToInbound } from '../support/send-mail.js';
import { CREATE_SLA } from '../support/sla.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { eventsOfType, newTicket } from '../support/tickets.js';

// Ticket types (issue 15) end to end on the real API, worker, PostgreSQL and Temporal dev server: the channel default
// and a given type on create, an agent's change (on the timeline, re-choosing the SLA policy by a ticketTypes
// condition), a routing rule by type, the list filters, and bad values refused naming the field.

interface TypedTicket {
  id: string;
  type: string;
  channel: string;
  groupId: string | null;
  slaPolicyName: string | null;
}

const FIELDS = 'id type channel groupId slaPolicyName';
const CREATE = `mutation($input: CreateTicketInput!) { createTicket(input: $input) { ${FIELDS} } }`;
const RECLASSIFY = `mutation($input: ReclassifyTicketInput!) { reclassifyTicket(input: $input) { ${FIELDS} } }`;
const READ = `query($id: ID!) { ticket(id: $id) { ${FIELDS} live { type } sla { policy { name reason } } timeline { type actor data } } }`;

describe('ticket types over GraphQL', () => {
  let system: TestSystem;
  let admin: string;
  let agent: string;
  let agentId: string;

  const create = async (overrides: Record<string, unknown>, token = agent): Promise<TypedTicket> =>
    dataOf(await system.graphql<{ createTicket: TypedTicket }>(CREATE, { input: newTicket({ groupId: 'tier-1', priority: 'NORMAL', ...overrides }) }, token))
      .createTicket;
  const read = async (id: string) =>
    dataOf(
      await system.graphql<{
        ticket: TypedTicket & { live: { type: string }; sla: { policy: { name: string; reason: string } | null }; timeline: Array<{ type: string; actor: string; data: Record<string, unknown> }> };
      }>(READ, { id }, admin),
    ).ticket;

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: admin } = await system.signIn(['admin']));
    ({ token: agent, userId: agentId } = await system.signIn(['agent']));
    // Incidents get 4 hours to resolve, everything else 3 days.
    for (const [name, position, ticketTypes, minutes] of [
      ['Incidents', 0, ['INCIDENT'], 240],
      ['Standard', 1, [], 4320],
    ] as const) {
      const input = { name, position, conditions: { ticketTypes }, targets: [{ priority: 'NORMAL', metric: 'RESOLUTION', minutes }] };
      dataOf(await system.graphql(CREATE_SLA, { input }, admin));
    }
  });
  afterAll(() => system.stop());

  it('gives a ticket created without a type its channel default (question), and keeps a type given', async () => {
    for (const channel of ['EMAIL', 'WEB', 'CHAT', 'PHONE', 'API', 'SOCIAL']) {
      const ticket = await create({ channel });
      expect([ticket.channel, ticket.type]).toEqual([channel, 'QUESTION']);
    }
    const task = await create({ channel: 'PHONE', type: 'TASK' });
    expect(task.type).toBe('TASK');
    const incident = await create({ channel: 'WEB', type: 'INCIDENT' });
    expect(incident).toMatchObject({ type: 'INCIDENT', slaPolicyName: 'Incidents' });
    expect(await system.dataSource.query('SELECT type FROM tickets WHERE id = $1', [incident.id])).toEqual([{ type: 'incident' }]);
  });

  it("uses the admin's default type for a channel (helpdesk settings, audited), the fixed one for the others", async () => {
    const SETTINGS = `mutation($input: UpdateHelpdeskSettingsInput!) { updateHelpdeskSettings(input: $input) { autoCloseDays defaultTicketTypes { channel type } } }`;
    const set = (defaultTicketTypes: Array<{ channel: string; type: string }>) => system.graphql<{ updateHelpdeskSettings: { defaultTicketTypes: Array<{ channel: string; type: string }> } }>(SETTINGS, { input: { defaultTicketTypes } }, admin);
    const updated = dataOf(await set([{ channel: 'PHONE', type: 'INCIDENT' }])).updateHelpdeskSettings;
    expect(updated.defaultTicketTypes).toEqual([
      { channel: 'EMAIL', type: 'QUESTION' },
      { channel: 'WEB', type: 'QUESTION' },
      { channel: 'CHAT', type: 'QUESTION' },
      { channel: 'PHONE', type: 'INCIDENT' },
      { channel: 'API', type: 'QUESTION' },
      { channel: 'SOCIAL', type: 'QUESTION' },
    ]);
    expect(await system.dataSource.query(`SELECT before, after FROM audit_log WHERE entity_type = 'helpdesk_settings' ORDER BY id DESC LIMIT 1`)).toEqual([
      { before: { autoCloseDays: 4, defaultTicketTypes: {} }, after: { autoCloseDays: 4, defaultTicketTypes: { phone: 'incident' } } },
    ]);
    try {
      expect((await create({ channel: 'PHONE' })).type).toBe('INCIDENT');
      expect((await create({ channel: 'PHONE', type: 'TASK' })).type).toBe('TASK');
      expect((await create({ channel: 'EMAIL' })).type).toBe('QUESTION');
      const twice = onlyError(await set([{ channel: 'PHONE', type: 'TASK' }, { channel: 'PHONE', type: 'PROBLEM' }]));
      expect(twice).toMatchObject({ code: 'BAD_USER_INPUT', message: 'defaultTicketTypes: PHONE is listed more than once; list each channel once.' });
    } finally {
      dataOf(await set([]));
    }
    expect((await create({ channel: 'PHONE' })).type).toBe('QUESTION');
  });

  it('gives a ticket opened by inbound mail the email channel default', async () => {
    const subject = `Typed by mail ${Date.now()}`;
    await sendToInbound(system.inboundSmtpPort, { from: 'mailer@example.com', subject, text: 'Where is my order?' });
    const [row] = await waitFor(
      'the mailed ticket',
      async () => {
        const rows = await system.dataSource.query<Array<{ type: string; channel: string }>>('SELECT type, channel FROM tickets WHERE subject = $1', [subject]);
        if (rows.length === 0) throw new Error('no ticket yet');
        return rows;
      },
      30_000,
    );
    expect(row).toEqual({ type: 'question', channel: 'email' });
  });

  it('lets an agent change the type: the timeline says from and to, and the SLA policy is chosen again by its ticketTypes condition', async () => {
    const ticket = await create({});
    expect(ticket).toMatchObject({ type: 'QUESTION', slaPolicyName: 'Standard' });
    const changed = dataOf(await system.graphql<{ reclassifyTicket: TypedTicket }>(RECLASSIFY, { input: { ticketId: ticket.id, type: 'INCIDENT' } }, agent))
      .reclassifyTicket;
    expect(changed).toMatchObject({ type: 'INCIDENT', slaPolicyName: 'Incidents' });
    const after = await read(ticket.id);
    expect(after.live.type).toBe('INCIDENT');
    expect(after.sla.policy).toEqual({ name: 'Incidents', reason: 'Policy "Incidents" (position 0) matched: type incident.' });
    const [reclassified] = eventsOfType(after.timeline, 'reclassified');
    expect(reclassified).toEqual({ type: 'reclassified', actor: agentId, data: { type: { from: 'question', to: 'incident' } } });
    expect(eventsOfType(after.timeline, 'sla_policy_applied').map((event) => event.data.name)).toEqual(['Standard', 'Incidents']);
    expect(await system.dataSource.query('SELECT type, sla_policy_name FROM tickets WHERE id = $1', [ticket.id])).toEqual([
      { type: 'incident', sla_policy_name: 'Incidents' },
    ]);
    // Clearing it is refused; the SLA policy lists its condition.
    const cleared = onlyError(await system.graphql(RECLASSIFY, { input: { ticketId: ticket.id, type: null } }, agent));
    expect(cleared).toMatchObject({ code: 'BAD_USER_INPUT', message: 'type cannot be cleared, only changed.' });
    const policies = dataOf(await system.graphql<{ slaPolicies: Array<{ name: string; conditions: { ticketTypes: string[] } }> }>('{ slaPolicies { name conditions { ticketTypes } } }', {}, admin));
    expect(policies.slaPolicies).toEqual([
      { name: 'Incidents', conditions: { ticketTypes: ['INCIDENT'] } },
      { name: 'Standard', conditions: { ticketTypes: [] } },
    ]);
  });

  it('routes by a ticketTypes criterion, in the simulator too', async () => {
    const groupId = dataOf(await system.graphql<{ createGroup: { id: string } }>('mutation { createGroup(input: { name: "Major incidents" }) { id } }', {}, admin))
      .createGroup.id;
    const saved = dataOf(
      await system.graphql<{ createRoutingRule: { rule: { name: string; criteria: { ticketTypes: string[] } } } }>(
        'mutation($input: RoutingRuleInput!) { createRoutingRule(input: $input) { rule { name criteria { ticketTypes } } } }',
        { input: { name: 'Incidents', criteria: { ticketTypes: ['INCIDENT', 'PROBLEM'] }, result: { groupId } } },
        admin,
      ),
    );
    expect(saved.createRoutingRule.rule).toEqual({ name: 'Incidents', criteria: { ticketTypes: ['INCIDENT', 'PROBLEM'] } });

    const problem = await create({ groupId: null, type: 'PROBLEM' });
    expect(problem.groupId).toBe(groupId);
    const [routed] = eventsOfType((await read(problem.id)).timeline, 'routed');
    expect(routed.data).toMatchObject({ ruleName: 'Incidents', reasons: ['type problem'], fallback: false });
    const question = await create({ groupId: null });
    expect(question.groupId).not.toBe(groupId);
    expect(eventsOfType((await read(question.id)).timeline, 'routed')[0].data).toMatchObject({ ruleId: null, fallback: true });

    const scenario = { subject: 'Site down', requesterEmail: 'a@example.com', channel: 'WEB', arrivedAt: new Date().toISOString() };
    const simulated = dataOf(
      await system.graphql<{ simulateRouting: { results: Array<{ matchedRule: { name: string } | null }> } }>(
        'mutation($scenarios: [RoutingScenarioInput!]!) { simulateRouting(scenarios: $scenarios) { results { matchedRule { name } } } }',
        { scenarios: [{ ...scenario, type: 'INCIDENT' }, scenario] },
        admin,
      ),
    );
    expect(simulated.simulateRouting.results).toEqual([{ matchedRule: { name: 'Incidents' } }, { matchedRule: null }]);
  });

  it('filters the ticket list and the at-risk list by type', async () => {
    const service = await create({ type: 'SERVICE_REQUEST' });
    const question = await create({});
    const listed = dataOf(
      await system.graphql<{ tickets: { edges: Array<{ node: { id: string; type: string } }> } }>(
        'query($types: [TicketType!]) { tickets(filter: { types: $types }, first: 50) { edges { node { id type } } } }',
        { types: ['SERVICE_REQUEST', 'TASK'] },
        admin,
      ),
    ).tickets.edges.map(({ node }) => node);
    expect(listed.map((node) => node.id)).toContain(service.id);
    expect(listed.map((node) => node.id)).not.toContain(question.id);
    expect(new Set(listed.map((node) => node.type))).toEqual(new Set(['SERVICE_REQUEST', 'TASK']));

    const atRisk = dataOf(
      await system.graphql<{ ticketsAtRisk: Array<{ ticket: { id: string; type: string } }> }>(
        'query { ticketsAtRisk(withinMinutes: 10080, types: [SERVICE_REQUEST], first: 50) { ticket { id type } } }',
        {},
        admin,
      ),
    ).ticketsAtRisk.map(({ ticket }) => ticket);
    expect(atRisk).toEqual([{ id: service.id, type: 'SERVICE_REQUEST' }]);
  });

  it('refuses a value that is not a type, naming the field', async () => {
    const created = onlyError(await system.graphql(CREATE, { input: newTicket({ type: 'OUTAGE' }) }, agent));
    expect(created.code).toBe('BAD_USER_INPUT');
    expect(created.message).toMatch(/type/);
    expect(created.message).toMatch(/OUTAGE/);
    const listed = onlyError(await system.graphql('query { tickets(filter: { types: [outage] }, first: 5) { edges { cursor } } }', {}, agent));
    expect(listed.message).toMatch(/TicketType/);
    const policy = onlyError(
      await system.graphql(CREATE_SLA, { input: { name: 'Bad', conditions: { ticketTypes: ['OUTAGE'] }, targets: [] } }, admin),
    );
    expect(policy.code).toBe('BAD_USER_INPUT');
    expect(policy.message).toMatch(/ticketTypes/);
  });
});
