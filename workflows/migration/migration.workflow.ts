import { condition, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import type { MigrationActivities } from '../../activities/migration/migration.activities.js';
// The modules themselves, not the package index: the index also holds the mapping parser (and its YAML library),
// which every workflow of the bundle, tickets included, would otherwise load into its own context.
import { MIGRATION_PHASES, type MigrationPhase } from '../../libs/domain/migration/migration-phases.js';
import type { RecordType } from '../../libs/domain/migration/migration-record.js';
import { addCounts, batchValidationFailure, ZERO_COUNTS } from '../../libs/domain/migration/reconciliation.js';
import {
  approveSignal,
  cancelSignal,
  mappingRevisedSignal,
  migrationProgressQuery,
  pauseSignal,
  resumeSignal,
  type CountsByType,
  type MigrationProgress,
  type MigrationRunInput,
  type MigrationRunStatus,
  type PhaseProgress,
} from './migration.contract.js';

// Reading a large export takes a while; the database being away is waited out rather than failing the run.
const retry = { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 } as const;
const activities = proxyActivities<MigrationActivities>({ startToCloseTimeout: '30 minutes', heartbeatTimeout: '2 minutes', retry });

/** Runs from before it finished as soon as its phases were done, whether or not the open tickets' workflows had started. */
const AWAIT_TICKET_STARTS_PATCH = 'await-ticket-workflow-starts';
/** How often the run looks again at how many ticket workflows have started: soon at first, then every few seconds. */
const FIRST_START_POLL_MS = 1_000;
const MAX_START_POLL_MS = 5_000;
/** Starts making no progress this long (workers gone, workflows failing) hand the decision to the operator. */
const STALLED_STARTS_MS = 10 * 60_000;

class RunCancelled extends Error {}

/**
 * A migration run: preflight → sample run (approved by the operator, or sampled again after a mapping fix) → the
 * phases in priority order, batch by batch, each batch validated before the next. Batches pass cursors, never rows;
 * each batch activity commits atomically and is idempotent, so a crash costs at most the batch in flight.
 */
export async function migrationRunWorkflow(input: MigrationRunInput): Promise<void> {
  const { runId } = input;
  const progress: MigrationProgress = {
    runId,
    status: 'preflight',
    phase: null,
    waitingReason: null,
    phases: MIGRATION_PHASES.map((phase) => ({ phase, expected: 0, counts: ZERO_COUNTS, byType: {}, batches: 0, done: false })),
    totals: ZERO_COUNTS,
    merges: 0,
    ticketWorkflowsExpected: 0,
    ticketWorkflowsStarted: 0,
    preflight: null,
    sample: null,
    ratePerSecond: 0,
    etaSeconds: null,
  };
  let approvals = 0;
  let mappingRevisions = 0;
  let paused = false;
  let cancelled = false;
  let importStartedAt: number | null = null;

  setHandler(approveSignal, () => void approvals++);
  setHandler(mappingRevisedSignal, () => void mappingRevisions++);
  setHandler(pauseSignal, () => void (paused = true));
  setHandler(resumeSignal, () => void (paused = false));
  setHandler(cancelSignal, () => void (cancelled = true));
  setHandler(migrationProgressQuery, () => withRate(progress, importStartedAt));

  const enter = async (status: MigrationRunStatus, waitingReason: string | null = null) => {
    progress.status = status;
    progress.waitingReason = waitingReason;
    await activities.saveRunState({ runId, status, phase: progress.phase, waitingReason });
  };
  /** Waits for the operator: true on approval, false when the mapping was revised instead. */
  const waitForOperator = async (reason: string, acceptsRevision: boolean): Promise<boolean> => {
    const [approvalsBefore, revisionsBefore] = [approvals, mappingRevisions];
    await enter('awaiting_approval', reason);
    await condition(() => cancelled || approvals > approvalsBefore || (acceptsRevision && mappingRevisions > revisionsBefore));
    if (cancelled) throw new RunCancelled();
    return approvals > approvalsBefore;
  };

  try {
    await checkMappingAndSample();
    await enter('running');
    importStartedAt = Date.now();
    for (const phaseProgress of progress.phases) await runPhase(phaseProgress);
    if (patched(AWAIT_TICKET_STARTS_PATCH)) await awaitOpenTicketWorkflowStarts();
    await finish('completed');
  } catch (error) {
    if (!(error instanceof RunCancelled)) throw error;
    await finish('cancelled');
  }

  async function checkMappingAndSample(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await enter('preflight');
      progress.preflight = await activities.preflight(runId);
      for (const phase of progress.phases) phase.expected = progress.preflight.recordsByPhase[phase.phase] ?? 0;
      if (progress.preflight.issues.length > 0) {
        const revisionsBefore = mappingRevisions;
        await enter('needs_mapping', `The mapping has ${progress.preflight.issues.length} issue(s) to fix.`);
        await condition(() => cancelled || mappingRevisions > revisionsBefore);
        if (cancelled) throw new RunCancelled();
        continue;
      }
      if (input.sampleSize === 0) return;
      await enter('sampling');
      progress.sample = await activities.runSample({ runId, attempt, size: input.sampleSize });
      const unmapped = progress.preflight.unmappedValues.length;
      const reason = `Sample ${attempt}: ${progress.sample.mapped} of ${progress.sample.selected} records mapped${unmapped > 0 ? `, ${unmapped} source value(s) unmapped` : ''}; approve it or revise the mapping.`;
      if (await waitForOperator(reason, true)) return;
    }
  }

  async function runPhase(phase: PhaseProgress): Promise<void> {
    progress.phase = phase.phase;
    await enter('running');
    let cursor = 0;
    for (let exhausted = false; !exhausted; ) {
      if (paused) {
        await enter('paused');
        await condition(() => !paused || cancelled);
        if (!cancelled) await enter('running');
      }
      if (cancelled) throw new RunCancelled();
      const batch = await activities.importBatch({ runId, phase: phase.phase, batchNo: phase.batches, cursor, batchSize: input.batchSize });
      phase.batches += 1;
      phase.counts = addCounts(phase.counts, batch.counts);
      phase.byType = addByType(phase.byType, batch.byType);
      progress.totals = addCounts(progress.totals, batch.counts);
      progress.merges += batch.merges;
      cursor = batch.nextCursor;
      exhausted = batch.exhausted;
      const failure = batchValidationFailure(batch.counts, input.thresholds);
      if (failure) {
        await waitForOperator(`${label(phase.phase)}, batch ${phase.batches}: ${failure} Approve to go on, or cancel.`, false);
        await enter('running');
      }
    }
    if (phase.phase === 'open_tickets') {
      const requested = await activities.startOpenTicketWorkflows(runId);
      // Runs from before the patch count start requests; the others count workflows that have written (at the end).
      if (!patched(AWAIT_TICKET_STARTS_PATCH)) progress.ticketWorkflowsStarted += requested;
    }
    phase.done = true;
    if (input.phaseGates[phase.phase] === 'approval') await waitForOperator(`${label(phase.phase)} is done; approve to start the next phase.`, false);
  }

  /**
   * The open tickets' lifecycle workflows were started after their phase, and the later phases imported meanwhile; a
   * workflow started is not yet a ticket going on (its first write — routing, SLA policy, status — can come minutes
   * later under load). So before completing, the run waits until each has written its first state, showing the count
   * as it goes: when the run says completed, every imported open ticket is live.
   */
  async function awaitOpenTicketWorkflowStarts(): Promise<void> {
    let lastProgressAt = Date.now();
    for (let pollMs = FIRST_START_POLL_MS; ; pollMs = Math.min(pollMs * 2, MAX_START_POLL_MS)) {
      const { expected, started } = await activities.countOpenTicketWorkflowStarts(runId);
      if (started > progress.ticketWorkflowsStarted) lastProgressAt = Date.now();
      progress.ticketWorkflowsExpected = expected;
      progress.ticketWorkflowsStarted = started;
      if (started >= expected) return;
      if (Date.now() - lastProgressAt >= STALLED_STARTS_MS) {
        await waitForOperator(`${started} of ${expected} open tickets' workflows have started, none for ${STALLED_STARTS_MS / 60_000} minutes; approve to go on without them.`, false);
        await enter('running');
        return;
      }
      if (await condition(() => cancelled, pollMs)) throw new RunCancelled();
    }
  }

  async function finish(status: 'completed' | 'cancelled'): Promise<void> {
    progress.status = status;
    progress.waitingReason = null;
    await activities.finishRun({ runId, status });
  }
}

function addByType(a: CountsByType, b: CountsByType): CountsByType {
  const sum: CountsByType = { ...a };
  for (const [type, counts] of Object.entries(b) as Array<[RecordType, NonNullable<CountsByType[RecordType]>]>) {
    sum[type] = addCounts(sum[type] ?? ZERO_COUNTS, counts);
  }
  return sum;
}

function label(phase: MigrationPhase): string {
  return `Phase ${phase.replace('_', ' ')}`;
}

function withRate(progress: MigrationProgress, importStartedAt: number | null): MigrationProgress {
  if (importStartedAt === null) return progress;
  const seconds = Math.max((Date.now() - importStartedAt) / 1000, 0.001);
  const ratePerSecond = progress.totals.read / seconds;
  const expected = progress.phases.reduce((sum, phase) => sum + phase.expected, 0);
  const remaining = Math.max(expected - progress.totals.read, 0);
  return { ...progress, ratePerSecond, etaSeconds: ratePerSecond > 0 ? remaining / ratePerSecond : null };
}
