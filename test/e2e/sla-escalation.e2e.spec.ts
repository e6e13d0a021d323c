import { randomUUID } from 'node:crypto';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { onlyError } from '../support/tickets.js';
import {
  ACKNOWLEDGE,
  CREATE_ESCALATION,
  CREATE_SLA,
  CREATE_SLA_TICKET,
  dataOf,
  iso,
  lastSequence,
  metricOf,
  ms,
  readSlaTicket,
  waitForTicket,
  type SlaTicket,
} from '../support/sla.js';

// Warnings and escalations fired by the ticket workflow's own timer on the real Temporal dev server (real time): a
// 1-minute first-reply target with a warning at 1 % warns 0.6 s after the ticket is created, and the escalation steps
// on that warning run in the same change. Nothing here waits for the breach (60 s).

const ESCALATED = `query($id: ID!) { ticket(id: $id) { escalationLevel } }`;

describe('SLA warnings and escalations on the real server', () => {
  let system: TestSystem;
  let admin: string;
  let agent: string;
  let agentId: string;
  let escalationPolicy: { id: string };

  async function createTicket(groupId: string): Promise<SlaTicket> {
    const input = {
      subject: 'Checkout is down',
      description: 'Every payment fails with a 502.',
      requesterEmail: 'shop@example.com',
      channel: 'CHAT',
      priority: 'HIGH',
      groupId,
    };
    return dataOf(await system.graphql<{ createTicket: SlaTicket }>(CREATE_SLA_TICKET, { input }, agent)).createTicket;
  }

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: admin } = await system.signIn(['admin']));
    ({ token: agent, userId: agentId } = await system.signIn(['agent']));
    escalationPolicy = dataOf(
      await system.graphql(
        CREATE_ESCALATION,
        {
          input: {
            name: 'Page the desk',
            steps: [
              // Step 1 repeats until acknowledged (every 5 minutes, the minimum: only the first run is seen here).
              {
                trigger: { on: 'WARNING', metric: 'FIRST_REPLY', thresholdPercent: 1 },
                action: { type: 'NOTIFY', recipients: 'GROUP', groupId: 'on-call' },
                repeatEveryMinutes: 5,
              },
              // Step 2: any warning of any metric, once.
              { trigger: { on: 'WARNING' }, action: { type: 'NOTIFY', recipients: 'SUPERVISORS' } },
              // Step 3: a threshold that never fires under this policy.
              { trigger: { on: 'WARNING', thresholdPercent: 50 }, action: { type: 'RAISE_PRIORITY' } },
            ],
          },
        },
        admin,
      ),
    ).createEscalationPolicy;
    dataOf(
      await system.graphql(
        CREATE_SLA,
        {
          input: {
            name: 'Alarm desk',
            conditions: { groupIds: ['alarm-desk'] },
            targets: [
              { priority: 'HIGH', metric: 'FIRST_REPLY', minutes: 1, businessHours: false },
              { priority: 'HIGH', metric: 'RESOLUTION', minutes: 600, businessHours: false },
            ],
            warningThresholds: [1],
            escalationPolicyId: escalationPolicy.id,
          },
        },
        admin,
      ),
    );
    // Everything else: long targets, no warnings, no escalation.
    dataOf(
      await system.graphql(
        CREATE_SLA,
        { input: { name: 'Quiet', targets: [{ priority: 'HIGH', metric: 'FIRST_REPLY', minutes: 600 }], warningThresholds: [] } },
        admin,
      ),
    );
  });
  afterAll(() => system.stop());

  it('warns at 1 % of the target and runs the escalation steps on that warning, within seconds; an acknowledgement stops the repeats', async () => {
    const created = await createTicket('alarm-desk');
    const createdAt = ms(created.createdAt);
    const ticket = await waitForTicket(system, created.id, agent, 'the warning and its escalations', (t) =>
      t.timeline.filter((e) => e.type === 'escalation_notified').length >= 2,
    );

    const warning = ticket.timeline.find((e) => e.type === 'sla_warning')!;
    const alarms = ticket.timeline.filter((e) => e.sequence >= warning.sequence);
    expect(alarms.map(({ type, actor, data }) => ({ type, actor, data }))).toEqual([
      // 1 % of 60 s is 600 ms after the clock started (at the ticket's creation).
      { type: 'sla_warning', actor: 'system', data: { metric: 'first_reply', threshold: 1, at: iso(createdAt + 600) } },
      {
        type: 'escalation_notified',
        actor: 'system',
        data: { step: 1, trigger: 'warning', metric: 'first_reply', repeat: false, recipients: 'group', groupId: 'on-call' },
      },
      {
        type: 'escalation_notified',
        actor: 'system',
        data: { step: 2, trigger: 'warning', metric: 'first_reply', repeat: false, recipients: 'supervisors', groupId: null },
      },
    ]);
    // Fired by the timer, not late: after the warning instant, within a few seconds of it.
    const firedAt = ms(warning.occurredAt);
    expect(firedAt).toBeGreaterThanOrEqual(createdAt + 600);
    expect(firedAt).toBeLessThan(createdAt + 5_000);
    // All three written in one change.
    expect(new Set(alarms.map((e) => e.occurredAt)).size).toBe(1);

    // The row is written in the events' transaction, but one response reads it before its timeline: read it again now
    // that the events were seen (under load the first read could predate their commit).
    const escalated = await readSlaTicket(system, created.id, agent);
    expect(escalated.escalationLevel).toBe(2);
    expect(escalated.sla).toMatchObject({ escalationLevel: 2, awaitingAcknowledgement: true });
    expect(escalated.priority).toBe('HIGH'); // step 3 (50 %) did not run
    expect(metricOf(escalated, 'FIRST_REPLY')).toMatchObject({ state: 'RUNNING', breached: false, deadline: iso(createdAt + 60_000) });

    const seen = lastSequence(ticket);
    const acknowledged = dataOf(
      await system.graphql(ACKNOWLEDGE, { input: { ticketId: created.id, note: 'On it, restarting the gateway.' } }, agent),
    ).acknowledgeEscalation;
    expect(acknowledged).toEqual({ id: created.id, escalationLevel: 2 });
    const after = await readSlaTicket(system, created.id, agent);
    expect(after.timeline.filter((e) => e.sequence > seen).map(({ type, actor, data }) => ({ type, actor, data }))).toEqual([
      { type: 'escalation_acknowledged', actor: agentId, data: { note: 'On it, restarting the gateway.', stoppedRepeatsOfSteps: [1] } },
    ]);
    expect(after.sla).toMatchObject({ escalationLevel: 2, awaitingAcknowledgement: false });
    expect(after.escalationLevel).toBe(2);
  });

  it('refuses to acknowledge a ticket that was never escalated (BAD_USER_INPUT), writing nothing', async () => {
    const created = await createTicket('quiet-desk');
    const before = await readSlaTicket(system, created.id, agent);
    expect(before.sla.policy?.name).toBe('Quiet');
    const [rowBefore] = await system.dataSource.query('SELECT * FROM tickets WHERE id = $1', [created.id]);

    const error = onlyError(await system.graphql(ACKNOWLEDGE, { input: { ticketId: created.id, note: 'nothing to see' } }, agent));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', message: 'The ticket has not been escalated: there is nothing to acknowledge.' });

    const after = await readSlaTicket(system, created.id, agent);
    expect(after.timeline).toEqual(before.timeline);
    expect(after.sla).toMatchObject({ escalationLevel: 0, awaitingAcknowledgement: false });
    expect((await system.dataSource.query('SELECT * FROM tickets WHERE id = $1', [created.id]))[0]).toEqual(rowBefore);
  });

  it('answers NOT_FOUND for an unknown ticket, and FORBIDDEN to a role that does not work tickets', async () => {
    const unknown = randomUUID();
    expect(onlyError(await system.graphql(ACKNOWLEDGE, { input: { ticketId: unknown } }, agent))).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining(unknown),
    });
    const created = await createTicket('alarm-desk');
    await waitForTicket(system, created.id, agent, 'the escalation', (t) => t.escalationLevel === 2);
    const { token: operator } = await system.signIn(['migration_operator']);
    expect(onlyError(await system.graphql(ACKNOWLEDGE, { input: { ticketId: created.id } }, operator)).code).toBe('FORBIDDEN');
    expect(onlyError(await system.graphql(ACKNOWLEDGE, { input: { ticketId: created.id } })).code).toBe('UNAUTHENTICATED');
    const ticket = await readSlaTicket(system, created.id, agent);
    expect(ticket.timeline.map((e) => e.type)).not.toContain('escalation_acknowledged');
    expect(ticket.sla.awaitingAcknowledgement).toBe(true);
    expect(dataOf(await system.graphql(ESCALATED, { id: created.id }, agent)).ticket.escalationLevel).toBe(2);
  });
});
