/**
 * The PostgreSQL NOTIFY channel on which the worker announces a migration run's progress (each committed batch, each
 * change of status) to every API replica, for the `migrationProgress` subscription. Delivered on commit only.
 */
export const MIGRATION_PROGRESS_CHANNEL = 'helpdesk_migration_progress';

export interface MigrationProgressEvent {
  runId: string;
  status: string;
  phase: string | null;
  waitingReason: string | null;
  /** The run's totals so far: read, imported, updated, rejected, skipped. */
  totals: Record<string, number>;
}

/** Announces the run's state as its row holds it now (run in the transaction that changed it: sent on its commit). */
export const NOTIFY_MIGRATION_PROGRESS = `
  SELECT pg_notify('${MIGRATION_PROGRESS_CHANNEL}', json_build_object(
    'runId', id, 'status', status, 'phase', phase, 'waitingReason', waiting_reason, 'totals', report->'totals')::text)
  FROM migration_runs WHERE id = $1`;
