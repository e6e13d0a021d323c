import { createClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { waitFor } from '../../libs/devstack/wait-for.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { dataOf } from '../support/graphql-responses.js';

// The rollout events subscription over graphql-ws: the worker records a rollout's timeline and NOTIFYs on commit; the
// API pushes each entry to the subscribers of that rollout only. Agents may not subscribe.

const ROLLOUT_EVENTS = `subscription($id: ID!) { rolloutEvents(rolloutId: $id) { rolloutId sequence type actor data } }`;

interface LiveEvent {
  rolloutId: string;
  sequence: number;
  type: string;
  actor: string;
  data: Record<string, unknown>;
}

describe('live rollout events over graphql-ws', () => {
  let system: TestSystem;
  let lead: string;
  let leadId: string;
  let agent: string;
  const clients: WsClient[] = [];

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: lead, userId: leadId } = await system.signIn(['implementation_lead']));
    ({ token: agent } = await system.signIn(['agent']));
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await system?.stop();
  });

  async function createRollout(name: string): Promise<string> {
    const people = [{ role: 'lead', userId: leadId }];
    for (const role of ['admin', 'migration_operator', 'trainer']) people.push({ role, userId: (await system.signIn(['admin'])).userId });
    const input = { name, templateId: 'unified-platform', startDate: new Date().toISOString().slice(0, 10), people };
    return dataOf(await system.graphql(`mutation($input: CreateRolloutInput!) { createRollout(input: $input) { id } }`, { input }, lead)).createRollout.id;
  }

  function subscribe(token: string, rolloutId: string) {
    const client = createClient({
      url: `${system.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
      lazy: false,
    });
    clients.push(client);
    const events: LiveEvent[] = [];
    const errors: unknown[] = [];
    client.subscribe<{ rolloutEvents: LiveEvent }>(
      { query: ROLLOUT_EVENTS, variables: { id: rolloutId } },
      {
        next: (result) => {
          if (result.data?.rolloutEvents) events.push(result.data.rolloutEvents);
          if (result.errors) errors.push(...result.errors);
        },
        error: (error) => errors.push(error),
        complete: () => undefined,
      },
    );
    return { events, errors };
  }

  it("streams a rollout's task and gate events to its subscribers only", async () => {
    const watched = await createRollout('Watched');
    const other = await createRollout('Other');
    const live = subscribe(lead, watched);
    // The subscription is registered once the API answers it; give it a moment through a harmless round trip.
    await waitFor('subscription', async () => {
      dataOf(await system.graphql(`mutation($r: ID!) { checkRolloutChecklistItem(rolloutId: $r, phaseId: "testing", item: "Resolution and closing", passed: true) { id } }`, { r: watched }, lead));
      if (!live.events.some((event) => event.type === 'checklist_item_checked')) throw new Error('not yet');
    }, 10_000, 300);

    dataOf(await system.graphql(`mutation($r: ID!) { completeRolloutTask(rolloutId: $r, taskId: "gather-requirements") { id } }`, { r: watched }, lead));
    dataOf(await system.graphql(`mutation($r: ID!) { completeRolloutTask(rolloutId: $r, taskId: "gather-requirements") { id } }`, { r: other }, lead));
    dataOf(await system.graphql(`mutation($r: ID!) { approveRolloutGate(rolloutId: $r) { passed } }`, { r: watched }, lead));

    await waitFor('gate event', async () => {
      if (!live.events.some((event) => event.type === 'gate_failed')) throw new Error('not yet');
    }, 10_000);
    expect(live.events.every((event) => event.rolloutId === watched)).toBe(true);
    expect(live.events.find((event) => event.type === 'task_completed')).toMatchObject({ actor: leadId, data: { taskId: 'gather-requirements' } });
    expect(live.errors).toEqual([]);
  });

  it('refuses an agent', async () => {
    const rolloutId = await createRollout('Private');
    const live = subscribe(agent, rolloutId);
    await waitFor('refusal', async () => {
      if (live.errors.length === 0) throw new Error('not yet');
    }, 10_000);
    expect(JSON.stringify(live.errors)).toContain('FORBIDDEN');
  });
});
