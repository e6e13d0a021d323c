import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import type { SlaTicketFacts } from '../../libs/domain/sla/index.js';
import { ALWAYS_OPEN_CALENDAR } from '../../libs/domain/calendar/index.js';
import { timeSkippingEnvPerTest } from '../../test/support/time-skipping-env.js';
import { workflowBundle } from '../../test/support/test-stack.js';
import {
  openTicketUpdate,
  reapplySlaPolicyUpdate,
  ticketStateQuery,
  TICKET_WORKFLOW_TYPE,
  ticketWorkflowId,
  type LifecycleSnapshot,
  type NewTicket,
  type SlaRulesSnapshot,
  type TicketWorkflowInput,
  type TimelineEvent,
} from './ticket.contract.js';

// The ticket workflow's answers for imported open tickets (data migration) and the admin's SLA policy re-apply, on the
// time-skipping server with in-memory activities (the real ones are covered end to end in test/e2e/migration-*).

const ADMIN = 'admin-1';
const STANDARD: SlaRulesSnapshot['policy'] = { id: 'policy-1', name: 'Standard', reason: 'Policy "Standard" matched.' };

function fakeActivities() {
  const fakes = {
    snapshots: [] as LifecycleSnapshot[],
    /** The policy the SLA rules resolve to: none until a test "creates" one. */
    policy: null as SlaRulesSnapshot['policy'],
    /** persistTicket waits for this: the start of a workflow whose first write lags, as under load. */
    persistGate: Promise.resolve(),
  };
  const activities = {
    persistTicket: async (ticket: NewTicket) => {
      await fakes.persistGate;
      return { number: '1', createdAt: ticket.createdAt };
    },
    routeTicket: async () => ({ ruleId: null, ruleName: null, reasons: [], groupId: null, priority: 'high', tags: [], requiredSkills: [] }),
    assignAgent: async () => ({ agentId: null, reason: 'No group.' }),
    queuedTicketsFor: async () => [],
    sendTemplatedEmail: async () => ({ messageId: '<m@example.com>', alreadySent: false }),
    recordLifecycle: async (snapshot: LifecycleSnapshot) => void fakes.snapshots.push(snapshot),
    resolveSlaRules: async (_facts: SlaTicketFacts): Promise<SlaRulesSnapshot> => ({
      policy: fakes.policy,
      targets: fakes.policy ? { resolution: { minutes: 24 * 60, businessHours: false } } : {},
      pauseWhile: { resolution: ['pending', 'on_hold'] },
      warningThresholds: [],
      calendar: ALWAYS_OPEN_CALENDAR,
      escalationPolicy: null,
      autoCloseDays: 4,
    }),
  };
  return { fakes, activities };
}

function importedTicket(): TicketWorkflowInput {
  const id = randomUUID();
  return {
    ticket: {
      id,
      subject: 'Printer',
      description: 'Imported',
      requesterEmail: 'customer@example.com',
      channel: 'email',
      priority: 'high',
      groupId: null,
      organizationId: null,
      customerTier: null,
      tags: [],
      createdBy: null,
      idempotencyKey: null,
      followUpOf: null,
      createdAt: '2024-12-12T23:57:00.000Z',
      imported: { runId: 'run-1', sourceSystem: 'csv', sourceId: 'TKT-1' },
    },
    importedStatus: 'open',
  };
}

const events = (snapshots: LifecycleSnapshot[]): TimelineEvent[] => snapshots.flatMap((snapshot) => snapshot.events);

describe('imported tickets and SLA policy re-apply in the ticket workflow', () => {
  let env: TestWorkflowEnvironment;

  timeSkippingEnvPerTest((started) => (env = started));

  async function withWorker(activities: object, body: (taskQueue: string) => Promise<void>): Promise<void> {
    const taskQueue = `imported-${randomUUID()}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: workflowBundle(), activities });
    await worker.runUntil(body(taskQueue));
  }

  it('answers the status its row has while its first write is still to come, and records the move from new to it', async () => {
    const { fakes, activities } = fakeActivities();
    let release!: () => void;
    fakes.persistGate = new Promise((resolve) => (release = resolve));
    await withWorker(activities, async (taskQueue) => {
      const input = importedTicket();
      const handle = await env.client.workflow.start(TICKET_WORKFLOW_TYPE, { workflowId: ticketWorkflowId(input.ticket.id), taskQueue, args: [input] });
      // The row says open (the migration wrote it); before its first write the workflow said `new`.
      expect((await handle.query(ticketStateQuery)).status).toBe('open');
      expect(fakes.snapshots).toEqual([]);
      release();
      await handle.executeUpdate(openTicketUpdate);
      expect(fakes.snapshots[0].status).toBe('open');
      expect(events(fakes.snapshots).filter((event) => event.type === 'status_changed').map((event) => event.data)).toEqual([{ from: 'new', to: 'open' }]);
      await handle.terminate();
    });
  });

  it('applies a policy created after the ticket started when an admin re-applies the policies', async () => {
    const { fakes, activities } = fakeActivities();
    await withWorker(activities, async (taskQueue) => {
      const input = importedTicket();
      const handle = await env.client.workflow.start(TICKET_WORKFLOW_TYPE, { workflowId: ticketWorkflowId(input.ticket.id), taskQueue, args: [input] });
      await handle.executeUpdate(openTicketUpdate);
      expect((await handle.query(ticketStateQuery)).rules?.policy).toBeNull();

      fakes.policy = STANDARD;
      const state = await handle.executeUpdate(reapplySlaPolicyUpdate, { args: [{ actorUserId: ADMIN }] });
      expect(state.rules?.policy?.id).toBe('policy-1');
      expect(state.sla.clocks.resolution).toBeDefined();
      const applied = events(fakes.snapshots).filter((event) => event.type === 'sla_policy_applied');
      expect(applied.at(-1)).toMatchObject({ actor: ADMIN, data: { id: 'policy-1' } });

      // Again with nothing new: no change, nothing written.
      const written = fakes.snapshots.length;
      await handle.executeUpdate(reapplySlaPolicyUpdate, { args: [{ actorUserId: ADMIN }] });
      expect(fakes.snapshots).toHaveLength(written);
      await handle.terminate();
    });
  });
});
