import { createHash } from 'node:crypto';
import {
  ZERO_COUNTS,
  type ImportedType,
  type MappedRecord,
  type MigrationCounts,
  type RecordType,
  type RejectReason,
} from '../../libs/domain/migration/index.js';
import type { CountsByType } from '../../workflows/migration/migration.contract.js';
import type { ClassifiedRecord } from './source-cursors.js';

/** What the id map knows about a source record already imported. */
export interface KnownRecord {
  targetId: string;
  sourceUpdatedAt: number | null;
}

export interface Reject {
  record: ClassifiedRecord;
  reason: RejectReason;
  detail: string;
}

export interface Merge {
  record: MappedRecord;
  mergedInto: string;
  naturalKey: string;
}

/** A record that will be written: inserted when the id map does not know it, updated when the source changed it. */
export interface Write {
  record: MappedRecord;
  targetId: string;
  insert: boolean;
  /** Target ids of its references, resolved through the id map (`requesterId` → customer id, …). */
  refs: Record<string, string | null>;
  /** An incident's problem further on in the export (its source id): linked when the problem is written. */
  problemAhead?: string;
}

/** Everything a batch decided, before a row is written; counted so read = imported + updated + rejected + skipped. */
export class BatchPlan {
  readonly writes: Write[] = [];
  readonly rejects: Reject[] = [];
  readonly merges: Merge[] = [];
  readonly byType: CountsByType = {};
  /**
   * Customers for requester emails (mapped, or the mapping's default) that no customer row has yet: a ticket's
   * requester is a customer like any other. They are not source records, so they count in no total.
   */
  readonly requesterCustomers = new Map<string, Write>();

  count(type: RecordType, outcome: Exclude<keyof MigrationCounts, 'read'>): void {
    const counts = this.byType[type] ?? { ...ZERO_COUNTS };
    counts.read += 1;
    counts[outcome] += 1;
    this.byType[type] = counts;
  }

  reject(record: ClassifiedRecord, reason: RejectReason, detail: string): void {
    this.rejects.push({ record, reason, detail });
    this.count(record.record.type, 'rejected');
  }

  write(write: Write): void {
    this.writes.push(write);
    this.count(write.record.type, write.insert ? 'imported' : 'updated');
  }

  /** The customer to create for a requester email; one per email, with the same id on every run. */
  requesterCustomer(sourceKey: string, email: string): Write {
    let write = this.requesterCustomers.get(email);
    if (!write) {
      const sourceId = `requester:${email}`;
      const record: MappedRecord = {
        type: 'customer',
        sourceId,
        values: { email, name: null, organizationId: null, updatedAt: null },
        customFields: {},
        sourceUpdatedAt: null,
      };
      write = { record, targetId: targetIdFor(sourceKey, 'customer', sourceId), insert: true, refs: { organizationId: null } };
      this.requesterCustomers.set(email, write);
    }
    return write;
  }

  /** Every row of a type to write: the planned records, and for customers the requesters created. */
  writesOf(type: ImportedType): Write[] {
    const planned = this.writes.filter((write) => write.record.type === type);
    return type === 'customer' ? [...planned, ...this.requesterCustomers.values()] : planned;
  }

  merge(merge: Merge): void {
    this.merges.push(merge);
    this.count(merge.record.type, 'skipped');
  }

  totals(): MigrationCounts {
    return Object.values(this.byType).reduce<MigrationCounts>(
      (sum, counts) => ({
        read: sum.read + counts.read,
        imported: sum.imported + counts.imported,
        updated: sum.updated + counts.updated,
        rejected: sum.rejected + counts.rejected,
        skipped: sum.skipped + counts.skipped,
      }),
      ZERO_COUNTS,
    );
  }
}

/** Dependencies first: a batch plans and writes organizations before the customers that point at them, and so on. */
export const TYPE_ORDER: ImportedType[] = ['organization', 'customer', 'ticket', 'message', 'article'];

/** The references each type carries, the type they point at, and the reason a dangling one is rejected with. */
export const REFERENCES: Record<ImportedType, Array<{ field: string; target: ImportedType; reason: RejectReason }>> = {
  organization: [],
  customer: [{ field: 'organizationId', target: 'organization', reason: 'unresolved_reference' }],
  ticket: [
    { field: 'requesterId', target: 'customer', reason: 'missing_requester' },
    { field: 'organizationId', target: 'organization', reason: 'unresolved_reference' },
    { field: 'problemId', target: 'ticket', reason: 'unresolved_reference' },
  ],
  message: [{ field: 'ticketId', target: 'ticket', reason: 'unresolved_reference' }],
  article: [],
};

/**
 * The id a source record gets in the help desk, the same on every run: a retried or resumed batch writes the same
 * rows again instead of new ones. Organizations keep readable text ids (`zendesk-360033549136`); the rest are uuids.
 */
export function targetIdFor(sourceKey: string, type: ImportedType, sourceId: string): string {
  if (type === 'organization') return `${sourceKey}-${sourceId}`;
  const hex = createHash('sha256').update(`${sourceKey}\u0000${type}\u0000${sourceId}`).digest('hex');
  // Shaped as a version 5 uuid (name-based), as the column's type requires.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
