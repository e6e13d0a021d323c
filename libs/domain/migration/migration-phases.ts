import type { MappedRecord, RecordType } from './migration-record.js';

/** The order that makes a team productive soonest: who the customers are, what is open, what just closed, then the rest. */
export const MIGRATION_PHASES = ['customers', 'open_tickets', 'recently_closed', 'knowledge', 'history'] as const;
export type MigrationPhase = (typeof MIGRATION_PHASES)[number];

export const RECENTLY_CLOSED_DAYS = 90;
const DAY_MS = 86_400_000;
const DONE_STATUSES = ['solved', 'closed'];

/**
 * The phase a record is imported in, by the values its mapping gave it — also when another of its fields failed, so a
 * resolved ticket with an unreadable optional date is reported with the history, where it would have gone. A ticket
 * whose status itself is unknown is reported in the first ticket phase (the operator should hear about it early);
 * messages come with the history, after every ticket they can belong to; `other` records are counted (skipped) with the
 * history. A done ticket's age is that of its closing (closedAt, else solvedAt, updatedAt, createdAt).
 */
export function phaseOf(type: RecordType, values: MappedRecord['values'] | null, runStartedAt: number): MigrationPhase {
  switch (type) {
    case 'organization':
    case 'customer':
      return 'customers';
    case 'article':
      return 'knowledge';
    case 'message':
    case 'other':
      return 'history';
    case 'ticket': {
      // Problems come first whatever their status, so the incidents of every later phase find theirs imported.
      if (values?.type === 'problem') return 'open_tickets';
      const status = values?.status;
      if (typeof status !== 'string' || !DONE_STATUSES.includes(status)) return 'open_tickets';
      const doneAt = [values!.closedAt, values!.solvedAt, values!.updatedAt, values!.createdAt].find((value) => typeof value === 'string');
      if (doneAt === undefined) return 'history';
      return runStartedAt - Date.parse(String(doneAt)) <= RECENTLY_CLOSED_DAYS * DAY_MS ? 'recently_closed' : 'history';
    }
  }
}

/** What happens when a phase's batches pass validation: go straight on, or wait for the operator. */
export type PhaseGate = 'auto' | 'approval';

export interface ValidationThresholds {
  /** Largest share of a batch that may be rejected (0..1) before the run stops for the operator. */
  maxRejectRate: number;
}

export const DEFAULT_THRESHOLDS: ValidationThresholds = { maxRejectRate: 0.05 };
