// How a migration run's JSON fields (report, live progress) read on the screens. The API types them as JSON, so the
// shapes the workflow writes (workflows/migration/migration.contract.ts) are restated here, read defensively.

export const MIGRATION_PHASES = ['customers', 'open_tickets', 'recently_closed', 'knowledge', 'history'] as const;
export type MigrationPhase = (typeof MIGRATION_PHASES)[number];

export interface RunCounts {
  read: number;
  imported: number;
  updated: number;
  rejected: number;
  skipped: number;
}

export interface MappingProblem {
  line: number;
  path: string;
  message: string;
}

export interface LivePhase {
  phase: MigrationPhase;
  expected: number;
  counts: RunCounts;
  batches: number;
  done: boolean;
}

export interface LiveProgress {
  phases: LivePhase[];
  totals: RunCounts;
  preflight: {
    issues: MappingProblem[];
    unmappedValues: MappingProblem[];
    recordsByPhase: Partial<Record<MigrationPhase, number>>;
    expectedRejects: Record<string, number>;
    estimatedSeconds: number | null;
  } | null;
  ticketWorkflowsExpected: number;
  ticketWorkflowsStarted: number;
  ratePerSecond: number;
  etaSeconds: number | null;
}

export interface RunReport {
  totals: RunCounts;
  phases?: Partial<Record<MigrationPhase, RunCounts>>;
  rejectsByReason?: Record<string, number>;
}

export const ZERO_COUNTS: RunCounts = { read: 0, imported: 0, updated: 0, rejected: 0, skipped: 0 };

/** The report the API holds (totals always; phases and rejects by reason once the run is over). */
export function readReport(report: unknown): RunReport {
  const value = (report ?? {}) as Partial<RunReport>;
  return { ...value, totals: { ...ZERO_COUNTS, ...value.totals } };
}

/** The live progress, or null once the run's workflow is gone. */
export function readProgress(progress: unknown): LiveProgress | null {
  return progress && typeof progress === 'object' && Array.isArray((progress as LiveProgress).phases) ? (progress as LiveProgress) : null;
}

const FINISHED_STATUSES = ['completed', 'cancelled', 'failed', 'rolled_back'];

export function isFinished(status: string): boolean {
  return FINISHED_STATUSES.includes(status);
}

/** "awaiting_approval" → "awaiting approval". */
export function humanize(code: string): string {
  return code.replaceAll('_', ' ');
}

export type Tone = 'ok' | 'warn' | 'danger' | 'info' | 'neutral';

/** A status's badge: done well, needs the operator, gone wrong, or moving. */
export function statusTone(status: string): Tone {
  if (status === 'completed') return 'ok';
  if (['needs_mapping', 'awaiting_approval', 'paused'].includes(status)) return 'warn';
  if (['failed', 'cancelled'].includes(status)) return 'danger';
  if (status === 'rolled_back') return 'neutral';
  return 'info';
}

export function badgeClass(tone: Tone): string {
  return tone === 'neutral' ? 'badge' : `badge badge-${tone}`;
}

export interface PhaseBar {
  phase: MigrationPhase;
  /** Records of the phase read so far. */
  read: number;
  /** Records the preflight counted for the phase; null when only the final report is known. */
  expected: number | null;
  counts: RunCounts;
  done: boolean;
  /** 0–100; 100 only once the phase is done (its last batch committed), never from rounding. */
  percent: number;
}

/**
 * One bar per phase: live from the workflow while it runs; from the report's per-phase counts once it is over (a
 * completed run's phases are all done; a cancelled one's are done where the report has them).
 */
export function phaseBars(progress: LiveProgress | null, report: RunReport, status: string): PhaseBar[] {
  if (progress) {
    return progress.phases.map((phase) => {
      const read = phase.counts.read;
      const partial = phase.expected > 0 ? Math.min(99, Math.floor((read / phase.expected) * 100)) : 0;
      return { phase: phase.phase, read, expected: phase.expected, counts: phase.counts, done: phase.done, percent: phase.done ? 100 : partial };
    });
  }
  return MIGRATION_PHASES.map((phase) => {
    const counts = report.phases?.[phase];
    const done = status === 'completed' || status === 'rolled_back' || counts !== undefined;
    return { phase, read: counts?.read ?? 0, expected: null, counts: counts ?? ZERO_COUNTS, done, percent: done ? 100 : 0 };
  });
}
