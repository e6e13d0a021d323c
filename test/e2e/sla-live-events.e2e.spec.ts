import { createClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { waitFor } from '../../libs/devstack/wait-for.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { ACKNOWLEDGE, CREATE_ESCALATION, CREATE_SLA, CREATE_SLA_TICKET, dataOf, iso, ms, readSlaTicket, type SlaTicket } from '../support/sla.js';

// The live SLA subscription over graphql-ws on /graphql, against the real API, worker, PostgreSQL (LISTEN/NOTIFY) and
// Temporal dev server: a warning at 1 % of a 1-minute target fires 0.6 s after the ticket is created, with an
// escalation step on it, and subscribers hear of both, filtered by group and priority. Who may subscribe is checked
// when the subscription starts.

const SLA_EVENTS = `subscription($groupId: String, $priorities: [TicketPriority!]) {
  slaEvents(groupId: $groupId, priorities: $priorities) { ticketId type sequence actor occurredAt groupId priority data }
}`;

interface LiveEvent {
  ticketId: string;
  type: string;
  sequence: number;
  actor: string;
  occurredAt: string;
  groupId: string | null;
  priority: string;
  data: Record<string, any>;
}

/** Everything one subscription delivered: results (data or errors), a terminal error, completion. */
interface Recording {
  events: LiveEvent[];
  results: Array<{ data?: any; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }>;
  error: unknown;
  completed: boolean;
  /** Resolves once the subscription has ended, one way or the other. */
  ended: Promise<void>;
  stop(): void;
}

function record(client: WsClient, variables: Record<string, unknown> = {}): Recording {
  let end!: () => void;
  const recording: Recording = {
    events: [],
    results: [],
    error: undefined,
    completed: false,
    ended: new Promise<void>((resolve) => (end = resolve)),
    stop: () => undefined,
  };
  recording.stop = client.subscribe<{ slaEvents: LiveEvent }>(
    { query: SLA_EVENTS, variables },
    {
      next: (result) => {
        recording.results.push(result as Recording['results'][number]);
        if (result.data?.slaEvents) recording.events.push(result.data.slaEvents);
      },
      error: (error) => {
        recording.error = error;
        end();
      },
      complete: () => {
        recording.completed = true;
        end();
      },
    },
  );
  return recording;
}

describe('live SLA events over graphql-ws', () => {
  let system: TestSystem;
  let admin: string;
  let agent: string;
  let agentId: string;
  const clients: WsClient[] = [];

  function connect(connectionParams: Record<string, unknown> = {}): WsClient {
    const client = createClient({
      url: `${system.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams,
      retryAttempts: 0,
      lazy: false,
    });
    clients.push(client);
    return client;
  }

  /** A connected (acknowledged) client for this token. */
  async function connected(token: string): Promise<WsClient> {
    const client = connect({ authorization: `Bearer ${token}` });
    await new Promise<void>((resolve, reject) => {
      client.on('connected', () => resolve());
      client.on('closed', (event) => reject(new Error(`closed before connecting: ${JSON.stringify(event)}`)));
    });
    return client;
  }

  async function createTicket(groupId: string, priority: string): Promise<SlaTicket> {
    const input = { subject: `Alarm for ${groupId}`, description: 'Down.', requesterEmail: 'ops@example.com', channel: 'PHONE', priority, groupId };
    return dataOf(await system.graphql<{ createTicket: SlaTicket }>(CREATE_SLA_TICKET, { input }, agent)).createTicket;
  }

  const eventsOf = (recording: Recording, ticketId: string) => recording.events.filter((event) => event.ticketId === ticketId);

  function until(recording: Recording, what: string, ready: (events: LiveEvent[]) => boolean, timeoutMs = 10_000): Promise<LiveEvent[]> {
    return waitFor(
      what,
      async () => {
        if (!ready(recording.events)) throw new Error(`received so far: ${JSON.stringify(recording.events.map((e) => [e.ticketId, e.type]))}`);
        return recording.events;
      },
      timeoutMs,
      50,
    );
  }

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: admin } = await system.signIn(['admin']));
    ({ token: agent, userId: agentId } = await system.signIn(['agent']));
    const escalation = dataOf(
      await system.graphql(
        CREATE_ESCALATION,
        {
          input: {
            name: 'Page the group',
            steps: [{ trigger: { on: 'WARNING', thresholdPercent: 1 }, action: { type: 'NOTIFY', recipients: 'GROUP', groupId: 'pager' }, repeatEveryMinutes: 5 }],
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
            name: 'Fast',
            targets: ['HIGH', 'URGENT'].map((priority) => ({ priority, metric: 'FIRST_REPLY', minutes: 1, businessHours: false })),
            warningThresholds: [1],
            escalationPolicyId: escalation.id,
          },
        },
        admin,
      ),
    );
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await system.stop();
  });

  it('pushes a warning and its escalation to the subscribers of that group and priority, and not to those of another', async () => {
    const client = await connected(agent);
    const groupA = record(client, { groupId: 'live-a' });
    const urgentOnly = record(client, { priorities: ['URGENT'] });
    const everything = record(client);

    // Group A's ticket first: its events prove the subscriptions are live.
    const a = await createTicket('live-a', 'URGENT');
    await until(groupA, "A's warning and escalation", (events) => events.filter((e) => e.ticketId === a.id).length >= 2);
    const timelineA = (await readSlaTicket(system, a.id, agent)).timeline;
    const expectedA = timelineA
      .filter((e) => e.type === 'sla_warning' || e.type === 'escalation_notified')
      .map(({ sequence, type, actor, occurredAt, data }) => ({ ticketId: a.id, sequence, type, actor, occurredAt, data, groupId: 'live-a', priority: 'URGENT' }));
    expect(expectedA.map((e) => e.type)).toEqual(['sla_warning', 'escalation_notified']);
    expect(expectedA[0].data).toEqual({ metric: 'first_reply', threshold: 1, at: iso(ms(a.createdAt) + 600) });
    expect(expectedA[1].data).toEqual({ step: 1, trigger: 'warning', metric: 'first_reply', repeat: false, recipients: 'group', groupId: 'pager' });
    // Exactly what the timeline holds, in order.
    expect(eventsOf(groupA, a.id)).toEqual(expectedA);
    await until(urgentOnly, "A's events for urgent subscribers", (events) => events.length >= 2);
    expect(urgentOnly.events).toEqual(expectedA);

    // Group B's (high) ticket: only the unfiltered subscription hears of it.
    const b = await createTicket('live-b', 'HIGH');
    await until(everything, "B's warning and escalation", (events) => events.filter((e) => e.ticketId === b.id).length >= 2);
    expect(eventsOf(everything, b.id).map((e) => [e.type, e.groupId, e.priority])).toEqual([
      ['sla_warning', 'live-b', 'HIGH'],
      ['escalation_notified', 'live-b', 'HIGH'],
    ]);
    expect(eventsOf(everything, a.id)).toEqual(expectedA);

    // One more event for A, after B's: notifications arrive in commit order, so had B's passed the group or priority
    // filter they would have arrived before this one.
    dataOf(await system.graphql(ACKNOWLEDGE, { input: { ticketId: a.id, note: 'paged' } }, agent));
    await until(groupA, "A's acknowledgement", (events) => events.some((e) => e.type === 'escalation_acknowledged'));
    await until(urgentOnly, "A's acknowledgement for urgent subscribers", (events) => events.some((e) => e.type === 'escalation_acknowledged'));
    await until(everything, "A's acknowledgement for everyone", (events) => events.some((e) => e.type === 'escalation_acknowledged'));
    for (const recording of [groupA, urgentOnly]) {
      expect(recording.events.map((e) => [e.ticketId, e.type])).toEqual([
        [a.id, 'sla_warning'],
        [a.id, 'escalation_notified'],
        [a.id, 'escalation_acknowledged'],
      ]);
    }
    expect(groupA.events[2]).toMatchObject({ actor: agentId, groupId: 'live-a', data: { note: 'paged', stoppedRepeatsOfSteps: [1] } });
    expect(everything.events.map((e) => [e.ticketId, e.type])).toEqual([
      [a.id, 'sla_warning'],
      [a.id, 'escalation_notified'],
      [b.id, 'sla_warning'],
      [b.id, 'escalation_notified'],
      [a.id, 'escalation_acknowledged'],
    ]);
    for (const recording of [groupA, urgentOnly, everything]) {
      expect(recording.error).toBeUndefined();
      expect(recording.completed).toBe(false);
      recording.stop();
    }
  });

  it("tells an agent only of the tickets they may see: not of a restricted group's", async () => {
    const restricted = dataOf(
      await system.graphql(`mutation { createGroup(input: { name: "Restricted live", visibleToAllAgents: false }) { id } }`, {}, admin),
    ).createGroup.id as string;
    const { token: outsider } = await system.signIn(['agent']);
    const { token: supervisor } = await system.signIn(['supervisor']);
    const outsiders = record(await connected(outsider));
    const supervisors = record(await connected(supervisor));

    const hidden = dataOf(
      await system.graphql<{ createTicket: SlaTicket }>(CREATE_SLA_TICKET, {
        input: { subject: 'Restricted alarm', description: 'Down.', requesterEmail: 'ops@example.com', channel: 'PHONE', priority: 'URGENT', groupId: restricted },
      }, admin),
    ).createTicket;
    await until(supervisors, "the restricted ticket's warning for a supervisor", (events) => events.some((e) => e.ticketId === hidden.id));
    // A marker after it, in an open group: events arrive in commit order, so the hidden ones would have come first.
    const marker = await createTicket('live-open', 'URGENT');
    await until(outsiders, "the open ticket's warning for the outsider", (events) => events.some((e) => e.ticketId === marker.id));
    expect(eventsOf(outsiders, hidden.id)).toEqual([]);
    expect(eventsOf(supervisors, hidden.id).map((e) => e.type)).toContain('sla_warning');
    outsiders.stop();
    supervisors.stop();
  });

  // What happens, found out: the connection itself is accepted (there is no onConnect check); the subscription's
  // resolver refuses, so graphql-ws delivers one result carrying the error (as a query would) and completes the
  // subscription. Nothing else arrives, and the socket stays open.
  function expectRefused(recording: Recording, code: string, message: RegExp): void {
    expect({ events: recording.events, results: recording.results, error: recording.error, completed: recording.completed }).toEqual({
      events: [],
      results: [
        {
          errors: [{ message: expect.stringMatching(message), locations: expect.any(Array), path: ['slaEvents'], extensions: { code } }],
        },
      ],
      error: undefined,
      completed: true,
    });
  }

  it('refuses a subscription without a token: one UNAUTHENTICATED result, then the subscription completes', async () => {
    const client = connect();
    const refused = record(client, { groupId: 'live-a' });
    await refused.ended;
    expectRefused(refused, 'UNAUTHENTICATED', /^Sign in first/);

    // The refusal ended that subscription, not the connection: another one on the same socket is refused the same way.
    const again = record(client);
    await again.ended;
    expectRefused(again, 'UNAUTHENTICATED', /^Sign in first/);
  });

  it('refuses a subscription with a bad token (UNAUTHENTICATED) and one for a role that does not watch SLAs (FORBIDDEN)', async () => {
    const forged = record(connect({ authorization: 'Bearer not-a-token' }));
    await forged.ended;
    expectRefused(forged, 'UNAUTHENTICATED', /token is invalid or has expired/);

    const { token: operator } = await system.signIn(['migration_operator']);
    const forbidden = record(connect({ authorization: `Bearer ${operator}` }));
    await forbidden.ended;
    expectRefused(forbidden, 'FORBIDDEN', /needs one of the roles: agent, supervisor, admin/);
  });
});
