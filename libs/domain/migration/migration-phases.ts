import type { MappedRecord, RecordType } from './migration-record.js';

/** The order that makes a team productive soonest: who the customers are, what is open, what just closed, then the rest. */
export const MIGRATION_PHASES = ['customers', 'open_tickets', 'recently_closed', 'knowledge', 'history'] as const;
export type MigrationPhase = (typeof MIGRATION_PHASES)[number];

export const RECENTLY_CLOSED_DAYS = 90;
const DAY_MS = 86_400_000;
const DONE_STATUSES = ['solved', 'closed'];

/**
 * The phase a record is imported in. A ticket that could not be mapped is reported in the first ticket phase (its
 * status is unknown, and the operator should hear about it early); messages come with the history, after every ticket
 * they can belong to; `other` records are counted (skipped) with the history.
 */
export function phaseOf(type: RecordType, mapped: MappedRecord | null, runStartedAt: number): MigrationPhase {
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
      if (!mapped) return 'open_tickets';
      if (!DONE_STATUSES.includes(String(mapped.values.status))) return 'open_tickets';
      const closedAt = Date.parse(String(mapped.values.updatedAt ?? mapped.values.createdAt));
      return runStartedAt - closedAt <= RECENTLY_CLOSED_DAYS * DAY_MS ? 'recently_closed' : 'history';
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
