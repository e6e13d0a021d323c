import { defineQuery, defineSignal } from '@temporalio/workflow';
import type {
  MappingIssue,
  MigrationCounts,
  MigrationPhase,
  PhaseGate,
  RecordType,
  RejectReason,
  ValidationThresholds,
} from '../../libs/domain/migration/index.js';

// The migration run's public surface: the API and the CLI import this module, never the workflow implementation.

export const MIGRATION_WORKFLOW_TYPE = 'migrationRunWorkflow';

export function migrationWorkflowId(runId: string): string {
  return `migration:${runId}`;
}

export const MIGRATION_RUN_STATUSES = [
  'preflight',
  'needs_mapping',
  'sampling',
  'awaiting_approval',
  'running',
  'paused',
  'completed',
  'cancelled',
  'failed',
  'rolled_back',
] as const;
export type MigrationRunStatus = (typeof MIGRATION_RUN_STATUSES)[number];

/** The run's settings; the source and the mapping are in its `migration_runs` row, written before the workflow starts. */
export interface MigrationRunInput {
  runId: string;
  batchSize: number;
  thresholds: ValidationThresholds;
  /** Phases not listed continue on their own once their batches pass validation. */
  phaseGates: Partial<Record<MigrationPhase, PhaseGate>>;
  /** 0: no sample run. */
  sampleSize: number;
}

export type CountsByType = Partial<Record<RecordType, MigrationCounts>>;

export interface PreflightResult {
  /** What must be fixed before the run goes on: the mapping's errors, files the worker cannot read. */
  issues: MappingIssue[];
  /** Source values no value map covers: the records holding them would be rejected (reported, not blocking). */
  unmappedValues: MappingIssue[];
  recordsByType: Partial<Record<RecordType, number>>;
  recordsByPhase: Partial<Record<MigrationPhase, number>>;
  /** Records the mapping would reject, by reason, as the preflight sees them (references are checked at import). */
  expectedRejects: Partial<Record<RejectReason, number>>;
  /** From the rate of the latest batches this help desk committed; null until a batch has been measured. */
  estimatedSeconds: number | null;
}

export interface SampleResult {
  attempt: number;
  selected: number;
  mapped: number;
  rejected: number;
}

export interface BatchRequest {
  runId: string;
  phase: MigrationPhase;
  batchNo: number;
  /** Ordinal of the first source record not yet looked at for this phase. */
  cursor: number;
  batchSize: number;
}

export interface BatchResult {
  counts: MigrationCounts;
  byType: CountsByType;
  merges: number;
  nextCursor: number;
  /** The source has no more records for this phase. */
  exhausted: boolean;
  /** How long the batch took, read to commit: the preflight's estimate is measured from these. */
  durationMs: number;
}

export interface PhaseProgress {
  phase: MigrationPhase;
  expected: number;
  counts: MigrationCounts;
  byType: CountsByType;
  batches: number;
  done: boolean;
}

/** What `migrationProgressQuery` answers, and what the API's progress subscription pushes. */
export interface MigrationProgress {
  runId: string;
  status: MigrationRunStatus;
  phase: MigrationPhase | null;
  /** Why the run waits for the operator (a sample to approve, a phase gate, a batch that failed validation). */
  waitingReason: string | null;
  phases: PhaseProgress[];
  totals: MigrationCounts;
  merges: number;
  /** Imported open tickets, each of which gets a lifecycle workflow. */
  ticketWorkflowsExpected: number;
  /** Of those, the workflows that have started: written the ticket's first state (routing, SLA policy, status). */
  ticketWorkflowsStarted: number;
  preflight: PreflightResult | null;
  sample: SampleResult | null;
  /** Records per second since the phases began. */
  ratePerSecond: number;
  etaSeconds: number | null;
}

/** The operator approves what the run waits for: the sample, a phase gate, or going on after a failed validation. */
export const approveSignal = defineSignal('approve');
/** The mapping in the run's row was changed: the run checks it again (and samples again). */
export const mappingRevisedSignal = defineSignal('mappingRevised');
export const pauseSignal = defineSignal('pause');
export const resumeSignal = defineSignal('resume');
/** Stops after the batch in flight; what was imported stays until rolled back. */
export const cancelSignal = defineSignal('cancel');
export const migrationProgressQuery = defineQuery<MigrationProgress>('migrationProgress');
