import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { MIGRATION_PHASES, ZERO_COUNTS, type MigrationCounts, type MigrationPhase } from '../../libs/domain/migration/index.js';
import { workflowBundle } from '../../test/support/test-stack.js';
import { timeSkippingEnvPerTest } from '../../test/support/time-skipping-env.js';
import type { MigrationActivities } from '../../activities/migration/migration.activities.js';
import {
  approveSignal,
  cancelSignal,
  mappingRevisedSignal,
  migrationProgressQuery,
  migrationWorkflowId,
  pauseSignal,
  resumeSignal,
  type BatchRequest,
  type BatchResult,
  type MigrationProgress,
  type MigrationRunInput,
  type MigrationRunStatus,
  type PreflightResult,
} from './migration.contract.js';

// The migration run workflow on the time-skipping server, its activities replaced by in-memory fakes (this file is about
// the run's order, waits and signals; the real activities are covered end to end).

const clean = (read: number): MigrationCounts => ({ ...ZERO_COUNTS, read, imported: read });
const PREFLIGHT_OK: PreflightResult = { issues: [], unmappedValues: [], recordsByType: { ticket: 40 }, recordsByPhase: { open_tickets: 20 }, expectedRejects: {}, estimatedSeconds: 1 };

interface Fakes {
  batches: BatchRequest[];
  /** Batches whose activity has begun (some may still wait at the gate). */
  batchesBegun: number;
  /** Batches and other steps in the order the workflow took them. */
  steps: string[];
  statuses: MigrationRunStatus[];
  finished: string | null;
  preflights: number;
  samples: number;
  /** Phase → the results of its batches in order; phases not listed have one empty, exhausted batch. */
  script: Partial<Record<MigrationPhase, MigrationCounts[]>>;
  preflightIssues: number[];
  /** Batches wait until released (lets a test pause or cancel mid-phase). */
  gate: Promise<void>;
  /** Of 2 open tickets, the workflows each count of their starts sees started (the last repeats). */
  ticketStarts: number[];
  startCounts: number;
  /** Counts of starts wait until released. */
  startGate: Promise<void>;
}

function fakeActivities(script: Fakes['script'], preflightIssues: number[] = []) {
  const fakes: Fakes = {
    batches: [], batchesBegun: 0, steps: [], statuses: [], finished: null, preflights: 0, samples: 0, script, preflightIssues, gate: Promise.resolve(),
    ticketStarts: [2], startCounts: 0, startGate: Promise.resolve(),
  };
  const activities: MigrationActivities = {
    preflight: async () => {
      const issues = fakes.preflightIssues[fakes.preflights++] ?? 0;
      return { ...PREFLIGHT_OK, issues: Array.from({ length: issues }, (_, line) => ({ line, path: 'types', message: 'fix me' })) };
    },
    runSample: async ({ attempt }) => {
      fakes.samples += 1;
      return { attempt, selected: 50, mapped: 50, rejected: 0 };
    },
    importBatch: async (request): Promise<BatchResult> => {
      fakes.batchesBegun += 1;
      await fakes.gate;
      fakes.batches.push(request);
      fakes.steps.push(`${request.phase}#${request.batchNo}@${request.cursor}`);
      const planned = fakes.script[request.phase] ?? [ZERO_COUNTS];
      const counts = planned[request.batchNo];
      return { counts, byType: { ticket: counts }, merges: 0, nextCursor: request.cursor + 10, exhausted: request.batchNo === planned.length - 1, durationMs: 5 };
    },
    startOpenTicketWorkflows: async () => {
      fakes.steps.push('open ticket workflows');
      return 2;
    },
    countOpenTicketWorkflowStarts: async () => {
      const started = fakes.ticketStarts[Math.min(fakes.startCounts++, fakes.ticketStarts.length - 1)];
      await fakes.startGate;
      return { expected: 2, started };
    },
    saveRunState: async ({ status }) => void fakes.statuses.push(status),
    finishRun: async ({ status }) => void (fakes.finished = status),
  };
  return { fakes, activities };
}

describe('the migration run workflow on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;

  timeSkippingEnvPerTest((started) => (env = started));

  async function run(activities: MigrationActivities, input: Partial<MigrationRunInput>, body: (handle: Handle) => Promise<void>): Promise<void> {
    const taskQueue = `migration-${randomUUID()}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: workflowBundle(), activities });
    const runId = randomUUID();
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start('migrationRunWorkflow', {
        workflowId: migrationWorkflowId(runId),
        taskQueue,
        args: [{ runId, batchSize: 10, thresholds: { maxRejectRate: 0.1 }, phaseGates: {}, sampleSize: 0, ...input } satisfies MigrationRunInput],
      });
      await body(handle);
    });
  }
  type Handle = ReturnType<TestWorkflowEnvironment['client']['workflow']['getHandle']>;

  /** Polls until a signal's effect shows (the run has no timers to skip to: it waits on the operator). */
  async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
    for (const deadline = Date.now() + timeoutMs; !(await check()); ) {
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async function waitFor(handle: Handle, status: MigrationRunStatus): Promise<MigrationProgress> {
    await until(async () => (await handle.query(migrationProgressQuery)).status === status);
    return handle.query(migrationProgressQuery);
  }

  it('imports the phases in priority order, batch after batch, starts the open tickets\' workflows after their phase, and reports reconciled totals', async () => {
    const { fakes, activities } = fakeActivities({ customers: [clean(10), clean(5)], open_tickets: [clean(10), clean(10), clean(3)], history: [clean(7)] });
    await run(activities, {}, async (handle) => {
      await handle.result();
      expect(fakes.steps).toEqual([
        'customers#0@0', 'customers#1@10',
        'open_tickets#0@0', 'open_tickets#1@10', 'open_tickets#2@20', 'open ticket workflows',
        'recently_closed#0@0', 'knowledge#0@0', 'history#0@0',
      ]);
      const progress = await handle.query(migrationProgressQuery);
      expect(progress.status).toBe('completed');
      expect(progress.totals).toEqual(clean(45));
      expect(progress.ticketWorkflowsStarted).toBe(2);
      expect(progress.phases.map((phase) => [phase.phase, phase.counts.read, phase.batches, phase.done])).toEqual([
        ['customers', 15, 2, true], ['open_tickets', 23, 3, true], ['recently_closed', 0, 1, true], ['knowledge', 0, 1, true], ['history', 7, 1, true],
      ]);
      expect(fakes.finished).toBe('completed');
    });
  });

  it("completes only once the open tickets' workflows have started (after the later phases), showing how many have as it waits", async () => {
    const { fakes, activities } = fakeActivities({ open_tickets: [clean(2)] });
    fakes.ticketStarts = [0, 1, 2];
    let release!: () => void;
    await run(activities, {}, async (handle) => {
      await until(async () => fakes.startCounts === 2);
      fakes.startGate = new Promise((resolve) => (release = resolve));
      await until(async () => fakes.startCounts === 3);
      const waiting = await handle.query(migrationProgressQuery);
      expect([waiting.status, waiting.ticketWorkflowsStarted, waiting.ticketWorkflowsExpected, fakes.finished]).toEqual(['running', 1, 2, null]);
      expect(waiting.phases.every((phase) => phase.done)).toBe(true);
      release();
      await handle.result();
      const done = await handle.query(migrationProgressQuery);
      expect([done.status, done.ticketWorkflowsStarted, done.ticketWorkflowsExpected]).toEqual(['completed', 2, 2]);
    });
  });

  it("asks the operator when the open tickets' workflows stop starting, and goes on when approved", async () => {
    const { fakes, activities } = fakeActivities({ open_tickets: [clean(2)] });
    fakes.ticketStarts = [1];
    await run(activities, {}, async (handle) => {
      await until(async () => fakes.startCounts > 0);
      await env.sleep('11 minutes');
      const waiting = await waitFor(handle, 'awaiting_approval');
      expect(waiting.waitingReason).toBe("1 of 2 open tickets' workflows have started, none for 10 minutes; approve to go on without them.");
      await handle.signal(approveSignal);
      await handle.result();
      expect(fakes.finished).toBe('completed');
    });
  });

  it('waits for the operator to approve the sample, samples again after a mapping fix, and imports nothing before approval', async () => {
    const { fakes, activities } = fakeActivities({});
    await run(activities, { sampleSize: 50 }, async (handle) => {
      const waiting = await waitFor(handle, 'awaiting_approval');
      expect(waiting.waitingReason).toMatch(/^Sample 1: 50 of 50 records mapped/);
      await handle.signal(mappingRevisedSignal);
      await until(async () => (await handle.query(migrationProgressQuery)).waitingReason?.startsWith('Sample 2:') ?? false);
      expect([fakes.preflights, fakes.samples, fakes.batches.length]).toEqual([2, 2, 0]);
      await handle.signal(approveSignal);
      await handle.result();
      expect(fakes.batches).toHaveLength(MIGRATION_PHASES.length);
    });
  });

  it('holds a run whose mapping fails the preflight until the mapping is revised', async () => {
    const { fakes, activities } = fakeActivities({}, [2, 0]);
    await run(activities, {}, async (handle) => {
      const progress = await waitFor(handle, 'needs_mapping');
      expect(progress.waitingReason).toBe('The mapping has 2 issue(s) to fix.');
      expect(fakes.batches).toHaveLength(0);
      await handle.signal(mappingRevisedSignal);
      await handle.result();
      expect(fakes.preflights).toBe(2);
      expect(fakes.finished).toBe('completed');
    });
  });

  it('stops a phase whose batch rejects more than the threshold until the operator approves going on', async () => {
    const bad: MigrationCounts = { read: 10, imported: 7, updated: 0, rejected: 3, skipped: 0 };
    const { fakes, activities } = fakeActivities({ open_tickets: [bad, clean(10)] });
    await run(activities, {}, async (handle) => {
      const progress = await waitFor(handle, 'awaiting_approval');
      expect(progress.phase).toBe('open_tickets');
      expect(progress.waitingReason).toBe(
        'Phase open tickets, batch 1: 3 of 10 records rejected (30.0 %), above the 10.0 % threshold. Approve to go on, or cancel.',
      );
      expect(fakes.batches.map((batch) => batch.phase)).toEqual(['customers', 'open_tickets']);
      await handle.signal(approveSignal);
      await handle.result();
      expect(fakes.batches.filter((batch) => batch.phase === 'open_tickets')).toHaveLength(2);
    });
  });

  it('waits at a phase gate configured for approval', async () => {
    const { fakes, activities } = fakeActivities({ customers: [clean(3)] });
    await run(activities, { phaseGates: { customers: 'approval' } }, async (handle) => {
      const progress = await waitFor(handle, 'awaiting_approval');
      expect(progress.waitingReason).toBe('Phase customers is done; approve to start the next phase.');
      expect(fakes.batches.map((batch) => batch.phase)).toEqual(['customers']);
      await handle.signal(approveSignal);
      await handle.result();
      expect(fakes.finished).toBe('completed');
    });
  });

  it('pauses between batches and resumes where it stopped', async () => {
    const { fakes, activities } = fakeActivities({ customers: [clean(10), clean(10), clean(10)] });
    let release!: () => void;
    fakes.gate = new Promise((resolve) => (release = resolve));
    await run(activities, {}, async (handle) => {
      await until(async () => fakes.batchesBegun === 1); // the first batch is in flight
      await handle.signal(pauseSignal);
      release();
      const paused = await waitFor(handle, 'paused');
      expect(fakes.batches).toHaveLength(1);
      expect(paused.totals.read).toBe(10);
      await handle.signal(resumeSignal);
      await handle.result();
      expect(fakes.batches.filter((batch) => batch.phase === 'customers').map((batch) => batch.batchNo)).toEqual([0, 1, 2]);
      expect(fakes.statuses).toContain('paused');
    });
  });

  it('cancels after the batch in flight and records the run as cancelled', async () => {
    const { fakes, activities } = fakeActivities({ customers: [clean(10), clean(10), clean(10)] });
    let release!: () => void;
    fakes.gate = new Promise((resolve) => (release = resolve));
    await run(activities, {}, async (handle) => {
      await until(async () => fakes.batchesBegun === 1); // the first batch is in flight
      await handle.signal(cancelSignal);
      release();
      await handle.result();
      expect(fakes.batches).toHaveLength(1);
      expect(fakes.finished).toBe('cancelled');
      expect((await handle.query(migrationProgressQuery)).status).toBe('cancelled');
    });
  });
});
