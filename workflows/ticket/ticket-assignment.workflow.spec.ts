import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { randomUUID } from 'node:crypto';
import type { SlaTicketFacts } from '../../libs/domain/sla/index.js';
import type { RoutableTicket } from '../../libs/domain/routing/index.js';
import { waitUntil, withTicketWorker, type StartTicket } from '../../test/support/ticket-workflow-runs.js';
import { timeSkippingEnvPerTest } from '../../test/support/time-skipping-env.js';
import {
  assignTicketUpdate,
  changeStatusUpdate,
  ticketStateQuery,
  updateFieldsUpdate,
  type AssignmentOutcome,
  type LifecycleSnapshot,
  type NewTicket,
  type RoutingOutcome,
  type SlaRulesSnapshot,
  type TimelineEvent,
} from './ticket.contract.js';

// A person's assignment and custom-field changes, through the ticket workflow on the time-skipping server; the
// activities are in-memory fakes (the real ones run in test/e2e/ticket-assignment.e2e.spec.ts).

const SUPERVISOR = 'supervisor-1';

interface Fakes {
  snapshots: LifecycleSnapshot[];
  events: TimelineEvent[];
  /** Who routing's automatic assignment picks per group. */
  freeAgent: Record<string, string>;
  manualAssignments: Array<{ ticketId: string; groupId: string | null; agentId: string | null }>;
  /** Tickets waiting in a queue, woken when an agent is freed. */
  queued: string[];
  slaFactsSeen: SlaTicketFacts[];
}

function fakeActivities() {
  const fakes: Fakes = { snapshots: [], events: [], freeAgent: {}, manualAssignments: [], queued: [], slaFactsSeen: [] };
  const activities = {
    persistTicket: async (ticket: NewTicket) => ({ number: '1', createdAt: ticket.createdAt }),
    recordLifecycle: async (snapshot: LifecycleSnapshot) => {
      fakes.snapshots.push(snapshot);
      fakes.events.push(...snapshot.events);
    },
    resolveSlaRules: async (facts: SlaTicketFacts): Promise<SlaRulesSnapshot> => {
      fakes.slaFactsSeen.push(facts);
      return {
        policy: null,
        targets: {},
        pauseWhile: {},
        warningThresholds: [],
        calendar: { timeZone: 'UTC', intervals: [], holidays: [] },
        escalationPolicy: null,
        autoCloseDays: 4,
      };
    },
    routeTicket: async (ticket: RoutableTicket): Promise<RoutingOutcome> => ({
      ruleId: 'rule-1', ruleName: 'Billing words', reasons: [], groupId: 'billing', priority: ticket.priority, tags: [], requiredSkills: [],
    }),
    assignAgent: async ({ ticketId, groupId }: { ticketId: string; groupId: string }): Promise<AssignmentOutcome> => {
      const agentId = fakes.freeAgent[groupId] ?? null;
      if (agentId === null) fakes.queued.push(ticketId);
      else fakes.queued = fakes.queued.filter((id) => id !== ticketId);
      return { agentId, reason: agentId ? `${agentId} is free` : 'Nobody is online.' };
    },
    assignManually: async (request: { ticketId: string; groupId: string | null; agentId: string | null }) => {
      fakes.manualAssignments.push(request);
    },
    queuedTicketsFor: async (_agentId: string): Promise<string[]> => [...fakes.queued],
    sendTemplatedEmail: async () => ({ messageId: '<m@example.com>', alreadySent: false }),
  };
  return { fakes, activities };
}

function newTicket(groupId: string | null, fields: Record<string, string> = {}): NewTicket {
  return {
    id: randomUUID(), subject: 'Invoice 42 is wrong', description: 'Please fix it.', requesterEmail: 'customer@example.com',
    channel: 'email', priority: 'normal', groupId, organizationId: null, customerTier: null, tags: [], createdBy: 'agent-0',
    idempotencyKey: null, followUpOf: null, fields, createdAt: new Date().toISOString(),
  };
}

const ofType = (events: TimelineEvent[], type: string) => events.filter((event) => event.type === type);

describe('manual assignment and custom fields in the ticket workflow', () => {
  let env: TestWorkflowEnvironment;
  timeSkippingEnvPerTest((started) => (env = started));

  const run = (activities: ReturnType<typeof fakeActivities>['activities'], body: (start: StartTicket) => Promise<void>) =>
    withTicketWorker(env, activities, body);


  it('assigns to the agent named, marked manual, and frees the previous agent for the tickets waiting on them', async () => {
    const { fakes, activities } = fakeActivities();
    fakes.freeAgent.billing = 'ana';
    await run(activities, async (start) => {
      const handle = await start(newTicket(null));
      delete fakes.freeAgent.billing; // ana is full now: the next ticket waits
      const waiting = await start(newTicket(null));
      expect(await waiting.query(ticketStateQuery)).toMatchObject({ assigneeId: null, awaitingAgent: true });

      fakes.freeAgent.billing = 'ana'; // what routing finds once ana has room again
      const state = await handle.executeUpdate(assignTicketUpdate, { args: [{ actorUserId: SUPERVISOR, agentId: 'bo' }] });

      expect(state).toMatchObject({ assigneeId: 'bo', groupId: 'billing', awaitingAgent: false, misrouted: false });
      expect(fakes.manualAssignments).toEqual([{ ticketId: state.ticketId, groupId: 'billing', agentId: 'bo' }]);
      expect(ofType(fakes.events, 'assigned').at(-1)).toMatchObject({
        actor: SUPERVISOR,
        data: { agentId: 'bo', previousAgentId: 'ana', groupId: 'billing', manual: true },
      });
      expect(fakes.snapshots.at(-1)).toMatchObject({ ticketId: state.ticketId, assigneeId: 'bo' });
      // The previous agent's slot went to the ticket that waited for it, without polling.
      await waitUntil(async () => (await waiting.query(ticketStateQuery)).assigneeId === 'ana');
    });
  });

  it('moves to another group (misrouted, SLA policy chosen again) and assigns there, in one change', async () => {
    const { fakes, activities } = fakeActivities();
    fakes.freeAgent.billing = 'ana';
    await run(activities, async (start) => {
      const handle = await start(newTicket(null));
      const state = await handle.executeUpdate(assignTicketUpdate, { args: [{ actorUserId: SUPERVISOR, groupId: 'accounts', agentId: 'cy' }] });

      expect(state).toMatchObject({ groupId: 'accounts', assigneeId: 'cy', misrouted: true });
      expect(fakes.slaFactsSeen.at(-1)).toMatchObject({ groupId: 'accounts' });
      const last = fakes.snapshots.at(-1)!;
      expect(last.events.map((event) => event.type)).toEqual(expect.arrayContaining(['reclassified', 'misrouted', 'assigned']));
      expect(ofType(last.events, 'misrouted')[0].data).toEqual({ ruleId: 'rule-1', routedTo: 'billing', movedTo: 'accounts' });
    });
  });

  it('unassigns: the ticket waits in its group queue, and the event says who let it go', async () => {
    const { fakes, activities } = fakeActivities();
    fakes.freeAgent.billing = 'ana';
    await run(activities, async (start) => {
      const handle = await start(newTicket(null));
      const state = await handle.executeUpdate(assignTicketUpdate, { args: [{ actorUserId: 'ana', agentId: null }] });

      expect(state).toMatchObject({ assigneeId: null, awaitingAgent: true, groupId: 'billing' });
      expect(fakes.manualAssignments.at(-1)).toEqual({ ticketId: state.ticketId, groupId: 'billing', agentId: null });
      expect(ofType(fakes.events, 'unassigned')).toEqual([
        expect.objectContaining({ actor: 'ana', data: { agentId: null, previousAgentId: 'ana', groupId: 'billing', manual: true } }),
      ]);
    });
  });

  it('given only a group, lets routing pick an available member of it', async () => {
    const { fakes, activities } = fakeActivities();
    fakes.freeAgent = { billing: 'ana', accounts: 'dora' };
    await run(activities, async (start) => {
      const handle = await start(newTicket(null));
      const state = await handle.executeUpdate(assignTicketUpdate, { args: [{ actorUserId: SUPERVISOR, groupId: 'accounts' }] });

      expect(state).toMatchObject({ groupId: 'accounts', assigneeId: 'dora' });
      expect(fakes.manualAssignments).toEqual([]);
      expect(ofType(fakes.events, 'assigned').at(-1)!.data).toMatchObject({ agentId: 'dora', groupId: 'accounts' });
    });
  });

  it('records a change of custom fields on the timeline and writes only that change', async () => {
    const { fakes, activities } = fakeActivities();
    await run(activities, async (start) => {
      const handle = await start(newTicket('billing', { product: 'Portal', plan: 'pro', legacy: 'x' }));
      await handle.executeUpdate(updateFieldsUpdate, { args: [{ actorUserId: 'ana', changes: { product: 'Mobile app', os: 'ios', legacy: null } }] });
      const before = fakes.snapshots.length;
      await handle.executeUpdate(updateFieldsUpdate, { args: [{ actorUserId: 'ana', changes: { product: 'Mobile app', os: 'ios' } }] });
      expect(fakes.snapshots.length).toBe(before); // nothing changed: nothing written
      await handle.executeUpdate(changeStatusUpdate, { args: [{ status: 'open', actorUserId: 'ana' }] });

      expect(ofType(fakes.events, 'fields_changed')).toEqual([
        expect.objectContaining({
          actor: 'ana',
          data: { legacy: { from: 'x', to: null }, os: { from: null, to: 'ios' }, product: { from: 'Portal', to: 'Mobile app' } },
        }),
      ]);
      // Only the changes go to the row (set, or null to remove), so a concurrent change of another field survives.
      const writes = fakes.snapshots.filter((snapshot) => 'fieldChanges' in snapshot);
      expect(writes.map((snapshot) => snapshot.fieldChanges)).toEqual([{ product: 'Mobile app', os: 'ios', legacy: null }]);
      expect((await handle.query(ticketStateQuery)).fields).toEqual({ product: 'Mobile app', plan: 'pro', os: 'ios' });
    });
  });
});
