import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { SendRolloutNotificationEmailInput } from '../../activities/email/email.activities.js';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { computeSchedule, type KpiSet, type MoneyEntry, type PilotTicketMetrics, type RolloutTemplate } from '../../libs/domain/rollout/index.js';
import { workflowBundle } from '../../test/support/test-stack.js';
import { timeSkippingEnvPerTest } from '../../test/support/time-skipping-env.js';
import {
  agentConfidenceSignal,
  approveGateUpdate,
  checklistItemUpdate,
  completeTaskUpdate,
  overrideGateUpdate,
  pilotCheckInSignal,
  pilotWorkflowId,
  reassignTaskUpdate,
  rolloutStateQuery,
  startPilotUpdate,
  type PilotScope,
  type RolloutWorkflowInput,
  type StoredGateFacts,
  type TimelineEntry,
} from './rollout.contract.js';

// The rollout workflow on Temporal's time-skipping server with in-memory activities: this file is about the workflow's
// phases, timers and decisions; the real activities are covered end to end.

const DAY = 86_400_000;
const UNIFIED = JSON.parse(readFileSync(new URL('../../templates/rollouts/unified-platform.json', import.meta.url), 'utf8')) as RolloutTemplate;
const PEOPLE = { lead: 'lead-1', admin: 'admin-1', migration_operator: 'operator-1', trainer: 'trainer-1' };
const SCOPE: PilotScope = { organizationIds: [], categories: [], channels: ['email'], agentIds: ['agent-1', 'agent-2'] };
const TARGETS = { minRoutingAccuracy: 0.9, maxFirstResponseMinutes: 60, minArticleLinkingRate: 0.3, minAgentConfidence: 7 };
const GOOD_PILOT: PilotTicketMetrics = { tickets: 42, routingAccuracy: 0.95, firstResponseMinutes: 25, csat: 0.88, articleLinkingRate: 0.4 };
const GOOD_FACTS: StoredGateFacts = {
  baselineRecorded: true,
  migration: { status: 'completed', totals: { read: 500, imported: 490, updated: 0, rejected: 5, skipped: 5 } },
  routingSimulation: { scenarios: 27, withExpectation: 25, met: 24, accuracy: 0.96 },
};
const KPIS: KpiSet = {
  firstResponseMinutes: 30,
  resolutionMinutes: 400,
  csat: 0.9,
  ticketsPerAgentPerDay: 14,
  selfServiceRate: 0.3,
  firstContactResolution: 0.7,
  escalationRate: 0.05,
  reopenRate: 0.04,
};

interface Fakes {
  events: TimelineEntry[];
  facts: StoredGateFacts;
  pilot: PilotTicketMetrics;
  reviewWindows: Array<{ from: string; to: string }>;
  mails: SendRolloutNotificationEmailInput[];
}

function fakeActivities() {
  const fakes: Fakes = { events: [], facts: GOOD_FACTS, pilot: GOOD_PILOT, reviewWindows: [], mails: [] };
  const money: MoneyEntry[] = [
    { kind: 'cost', amount: 20_000, description: 'licences and services' },
    { kind: 'benefit', amount: 50_000, description: 'agent hours saved' },
  ];
  const activities = {
    recordRolloutEvents: async (_rolloutId: string, entries: TimelineEntry[]) => {
      for (const entry of entries) if (!fakes.events.some((known) => known.sequence === entry.sequence)) fakes.events.push(entry);
    },
    gateFacts: async (_rolloutId: string) => fakes.facts,
    sendRolloutNotificationEmail: async (mail: SendRolloutNotificationEmailInput) => {
      fakes.mails.push(mail);
      return { messageId: `<${mail.idempotencyKey}@test>`, alreadySent: false };
    },
    pilotMetrics: async (_request: unknown) => ({ metrics: fakes.pilot, baselineCsat: 0.8 }),
    reviewFigures: async (request: { from: string; to: string }) => {
      fakes.reviewWindows.push(request);
      return { kpis: KPIS, baseline: { firstResponseMinutes: 90, csat: 0.8 }, money };
    },
  };
  return { fakes, activities };
}

/**
 * Saves the run's history as a replay fixture (rollout.replay.spec.ts) when RECORD_ROLLOUT_HISTORIES is set and the
 * fixture does not exist yet. Old fixtures stay: they prove rollouts started by older code still replay (`patched`).
 */
async function recordHistory(handle: { fetchHistory(): Promise<unknown> }, name: string): Promise<void> {
  const file = new URL(`./histories/${name}.json`, import.meta.url);
  if (!process.env.RECORD_ROLLOUT_HISTORIES || existsSync(file)) return;
  writeFileSync(file, JSON.stringify(await handle.fetchHistory(), null, 1));
}

const ofType = (events: TimelineEntry[], type: string) => events.filter((event) => event.type === type);

describe('the rollout workflow on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;

  timeSkippingEnvPerTest((started) => (env = started));

  type Handle = Awaited<ReturnType<TestWorkflowEnvironment['client']['workflow']['start']>>;

  async function run(
    setup: ReturnType<typeof fakeActivities>,
    body: (handle: Handle, rolloutId: string) => Promise<void>,
    carried?: (startDate: string) => RolloutWorkflowInput['carried'],
  ) {
    const taskQueue = `rollout-${randomUUID()}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: workflowBundle(), activities: setup.activities });
    const rolloutId = randomUUID();
    const start = async () => {
      const today = new Date(await env.currentTimeMs()).toISOString().slice(0, 10);
      const input: RolloutWorkflowInput = { rolloutId, template: UNIFIED, startDate: today, people: PEOPLE, carried: carried?.(today) };
      return env.client.workflow.start('rolloutWorkflow', { workflowId: `rollout:${rolloutId}`, taskQueue, args: [input] });
    };
    const handle = await start();
    await worker.runUntil(body(handle, rolloutId));
  }

  /** Completes every task of the current phase (and its checklist) and approves its gate. */
  async function passPhase(handle: Handle, phaseId: string) {
    const phase = UNIFIED.phases.find((candidate) => candidate.id === phaseId)!;
    expect((await handle.query(rolloutStateQuery)).currentPhaseId).toBe(phaseId);
    for (const task of phase.tasks) await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: task.id, by: PEOPLE.lead }] });
    for (const item of phase.checklist) await handle.executeUpdate(checklistItemUpdate, { args: [{ phaseId, item, passed: true, by: PEOPLE.lead }] });
    return handle.executeUpdate(approveGateUpdate, { args: [{ by: PEOPLE.lead }] });
  }

  it('runs a unified-platform rollout from start through pilot and launch to its +90-day review', async () => {
    const setup = fakeActivities();
    const { fakes } = setup;
    await run(setup, async (handle, rolloutId) => {
      for (const phaseId of ['requirements', 'platform-setup', 'data-migration', 'training', 'testing']) {
        expect((await passPhase(handle, phaseId)).passed).toBe(true);
      }
      await handle.executeUpdate(startPilotUpdate, { args: [{ by: PEOPLE.lead, scope: SCOPE, durationDays: 7, targets: TARGETS }] });
      const pilot = env.client.workflow.getHandle(pilotWorkflowId(rolloutId));
      await pilot.signal(pilotCheckInSignal, { at: new Date().toISOString(), by: PEOPLE.lead, note: 'Day 1: routing looks right.' });
      await pilot.signal(agentConfidenceSignal, { agentId: 'agent-1', score: 8 });
      await pilot.signal(agentConfidenceSignal, { agentId: 'agent-2', score: 7 });
      await env.sleep(8 * DAY);
      const evaluated = ofType(fakes.events, 'pilot_evaluated');
      expect(evaluated).toHaveLength(1);
      expect(evaluated[0].data).toMatchObject({ go: true, agentConfidence: 7.5, checkIns: [{ note: 'Day 1: routing looks right.' }] });

      expect((await passPhase(handle, 'pilot')).passed).toBe(true);
      expect((await passPhase(handle, 'launch')).passed).toBe(true);
      const launched = ofType(fakes.events, 'launched')[0].data.launchedAt as string;

      await handle.result(); // the reviews at +7, +30 and +90 days, skipped through in seconds

      const reviews = ofType(fakes.events, 'review_report');
      expect(reviews.map((review) => review.data.day)).toEqual([7, 30, 90]);
      const ninety = reviews[2].data as { from: string; to: string; roi: { roi: number }; comparison: Array<{ kpi: string; improved: boolean | null }> };
      const sinceLaunch = Date.parse(ninety.to) - Date.parse(launched);
      expect(sinceLaunch).toBeGreaterThanOrEqual(90 * DAY);
      expect(sinceLaunch).toBeLessThan(90 * DAY + 60_000);
      expect(ninety.from).toBe(launched);
      expect(ninety.roi.roi).toBe(1.5);
      expect(ninety.comparison.find((entry) => entry.kpi === 'firstResponseMinutes')?.improved).toBe(true);
      expect(ofType(fakes.events, 'notification').filter((event) => String(event.data.message).includes('review is ready'))).toHaveLength(3);
      expect(ofType(fakes.events, 'rollout_completed')).toHaveLength(1);
      const state = await handle.query(rolloutStateQuery);
      expect(state.status).toBe('completed');
      expect(state.gates.map((gate) => gate.phaseId)).toEqual(['requirements', 'platform-setup', 'data-migration', 'training', 'testing', 'pilot', 'launch']);
      // The whole run replays against the current code: the workflow is deterministic.
      await Worker.runReplayHistory({ workflowBundle: workflowBundle() }, await handle.fetchHistory());
    });
  });

  it('reports an overdue task to its owner and the lead and moves the projected go-live', async () => {
    const setup = fakeActivities();
    const { fakes } = setup;
    await run(setup, async (handle) => {
      const before = await handle.query(rolloutStateQuery);
      const firstDue = before.planned.tasks.find((task) => task.id === 'gather-requirements')!.end;
      await env.sleep(3 * DAY); // due at the end of day 3 (the next task is due a day later)

      const state = await handle.query(rolloutStateQuery);
      expect(state.overdue).toEqual(['gather-requirements']);
      const [overdue] = ofType(fakes.events, 'task_overdue');
      expect(overdue.data).toMatchObject({ taskId: 'gather-requirements', dueDate: firstDue, owner: PEOPLE.lead });
      const told = ofType(fakes.events, 'notification').filter((event) => event.data.taskId === 'gather-requirements');
      expect(told.map((event) => event.data.to)).toEqual([PEOPLE.lead]); // the lead owns it: told once
      expect(state.projected.goLive > state.planned.goLive).toBe(true);
      expect(ofType(fakes.events, 'notification').some((event) => String(event.data.message).startsWith('Projected go-live moved'))).toBe(true);
    });
  });

  it('mails an overdue task to its owner and the lead once each, keyed by the notification', async () => {
    const setup = fakeActivities();
    const { fakes } = setup;
    await run(setup, async (handle, rolloutId) => {
      await handle.executeUpdate(reassignTaskUpdate, { args: [{ taskId: 'gather-requirements', by: PEOPLE.lead, ownerId: PEOPLE.admin }] });
      await env.sleep(3 * DAY); // gather-requirements falls overdue at the end of day 3
      await env.sleep(10 * DAY); // later timers fire and the schedule moves again: nothing is mailed twice
      await recordHistory(handle, 'overdue-tasks');

      const mailed = fakes.mails.filter((mail) => mail.variables?.['task.title'] === UNIFIED.phases[0].tasks[0].title);
      expect(mailed.map((mail) => mail.recipientUserId).sort()).toEqual([PEOPLE.admin, PEOPLE.lead].sort());
      expect(mailed.every((mail) => mail.template === 'rollout_task_overdue' && mail.rolloutId === rolloutId)).toBe(true);
      const overdueNotices = ofType(fakes.events, 'notification').filter(
        (event) => event.data.taskId === 'gather-requirements' && String(event.data.message).includes('is overdue'),
      );
      expect(mailed.map((mail) => mail.idempotencyKey).sort()).toEqual(overdueNotices.map((event) => `rollout:${rolloutId}:notification:${event.sequence}`).sort());
      const keys = fakes.mails.map((mail) => mail.idempotencyKey);
      expect(new Set(keys).size).toBe(keys.length);
      expect(fakes.mails.some((mail) => mail.template !== 'rollout_task_overdue')).toBe(false);
    });
  });

  it("mails the lead once when the current phase's last task is done and its gate waits", async () => {
    const setup = fakeActivities();
    const { fakes } = setup;
    await run(setup, async (handle) => {
      const [first, ...rest] = UNIFIED.phases[0].tasks;
      const delivered = () => env.sleep(60_000); // mails go out after the update returns; skipped time waits for them
      await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: first.id, by: PEOPLE.lead }] });
      await delivered();
      expect(fakes.mails).toEqual([]);
      for (const task of rest) await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: task.id, by: PEOPLE.lead }] });
      await delivered();
      await recordHistory(handle, 'gate-waiting');

      expect(fakes.mails).toEqual([
        expect.objectContaining({ template: 'rollout_gate_waiting', recipientUserId: PEOPLE.lead, variables: { 'phase.name': UNIFIED.phases[0].name } }),
      ]);
      const waiting = ofType(fakes.events, 'notification').filter((event) => String(event.data.message).includes('gate waits'));
      expect(waiting.map((event) => event.data)).toEqual([expect.objectContaining({ to: PEOPLE.lead, phaseId: UNIFIED.phases[0].id })]);
    });
  });

  it('fails a gate saying which criterion missed and by how much, and passes it by an override with a reason', async () => {
    const setup = fakeActivities();
    const { fakes } = setup;
    fakes.facts = { ...GOOD_FACTS, routingSimulation: { scenarios: 27, withExpectation: 25, met: 21, accuracy: 0.84 } };
    await run(setup, async (handle) => {
      for (const phaseId of ['requirements', 'platform-setup', 'data-migration', 'training']) await passPhase(handle, phaseId);
      const failed = await passPhase(handle, 'testing');
      expect(failed.passed).toBe(false);
      expect(failed.criteria.filter((criterion) => criterion.status === 'failed').map((criterion) => criterion.detail)).toEqual([
        'routing simulation accuracy: 84 %, needs at least 90 % (short by 6 %).',
      ]);
      expect((await handle.query(rolloutStateQuery)).currentPhaseId).toBe('testing');
      expect(ofType(fakes.events, 'notification').some((event) => String(event.data.message).includes('short by 6 %'))).toBe(true);

      await expect(handle.executeUpdate(overrideGateUpdate, { args: [{ by: PEOPLE.lead, reason: '  ' }] })).rejects.toThrow();
      const overridden = await handle.executeUpdate(overrideGateUpdate, { args: [{ by: PEOPLE.lead, reason: 'Two rules fixed after the run; re-checked by hand.' }] });
      expect(overridden).toMatchObject({ passed: true, override: { reason: 'Two rules fixed after the run; re-checked by hand.' } });
      expect((await handle.query(rolloutStateQuery)).currentPhaseId).toBe('pilot');
      const [event] = ofType(fakes.events, 'gate_overridden');
      expect(event).toMatchObject({ actor: PEOPLE.lead, data: { phaseId: 'testing', measuredPassed: false } });
    });
  });

  it('judges the pilot from its tickets: routing accuracy under target is a no-go the pilot gate reports', async () => {
    const setup = fakeActivities();
    const { fakes } = setup;
    fakes.pilot = { ...GOOD_PILOT, routingAccuracy: 0.82 };
    await run(setup, async (handle, rolloutId) => {
      for (const phaseId of ['requirements', 'platform-setup', 'data-migration', 'training', 'testing']) await passPhase(handle, phaseId);
      await expect(
        handle.executeUpdate(startPilotUpdate, { args: [{ by: PEOPLE.lead, scope: SCOPE, durationDays: 3, targets: TARGETS }] }),
      ).rejects.toThrow();
      await handle.executeUpdate(startPilotUpdate, { args: [{ by: PEOPLE.lead, scope: SCOPE, durationDays: 14, targets: TARGETS }] });
      await env.client.workflow.getHandle(pilotWorkflowId(rolloutId)).signal(agentConfidenceSignal, { agentId: 'agent-1', score: 9 });
      await env.sleep(15 * DAY);

      const [evaluated] = ofType(fakes.events, 'pilot_evaluated');
      expect(evaluated.data.go).toBe(false);
      const gate = await passPhase(handle, 'pilot');
      expect(gate.passed).toBe(false);
      const pilotCriterion = gate.criteria.find((criterion) => criterion.criterion === 'pilot decision go')!;
      expect(pilotCriterion.detail).toContain('routing accuracy: 82 %, needs at least 90 % (short by 8 %).');
    });
  });

  it('picks up where a continued-as-new run left off: no second start, sequence numbers go on, reviews count from the launch', async () => {
    const setup = fakeActivities();
    const { fakes } = setup;
    const launchedAt = new Date(await env.currentTimeMs()).toISOString();
    await run(
      setup,
      async (handle) => {
        await handle.result();
        expect(ofType(fakes.events, 'rollout_started')).toHaveLength(0);
        expect(fakes.events[0].sequence).toBe(41);
        expect(ofType(fakes.events, 'review_report').map((review) => review.data.day)).toEqual([30, 90]);
        expect(fakes.reviewWindows.every((window) => window.from === launchedAt)).toBe(true);
      },
      (startDate) => {
        const schedule = computeSchedule(UNIFIED, startDate);
        return {
          status: 'active',
          phaseIndex: UNIFIED.phases.findIndex((phase) => phase.kind === 'reviews'),
          adjustments: Object.fromEntries(schedule.tasks.map((task) => [task.id, { completedOn: startDate }])),
          owners: {},
          overdue: [],
          checklist: {},
          gates: [],
          pilot: { state: 'ended', outcome: null },
          launchedAt,
          reviews: [{ day: 7, at: launchedAt, from: launchedAt, to: launchedAt, kpis: KPIS, comparison: [], roi: { costs: 0, benefits: 0, roi: null } }],
          projected: schedule,
          sequence: 40,
        };
      },
    );
  });
});
