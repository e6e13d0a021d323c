import type { ValidationThresholds } from './migration-phases.js';

/** What happened to the records read; every record read is exactly one of the other four. */
export interface MigrationCounts {
  read: number;
  imported: number;
  updated: number;
  rejected: number;
  skipped: number;
}

export const ZERO_COUNTS: MigrationCounts = { read: 0, imported: 0, updated: 0, rejected: 0, skipped: 0 };

export function addCounts(a: MigrationCounts, b: MigrationCounts): MigrationCounts {
  return {
    read: a.read + b.read,
    imported: a.imported + b.imported,
    updated: a.updated + b.updated,
    rejected: a.rejected + b.rejected,
    skipped: a.skipped + b.skipped,
  };
}

/** read = imported + updated + rejected + skipped: nothing lost, nothing counted twice. */
export function reconciles(counts: MigrationCounts): boolean {
  return counts.read === counts.imported + counts.updated + counts.rejected + counts.skipped;
}

/** Why a batch stops the run, or null when it passes: counts must reconcile and rejects stay under the threshold. */
export function batchValidationFailure(counts: MigrationCounts, thresholds: ValidationThresholds): string | null {
  if (!reconciles(counts)) {
    return `Counts do not reconcile: read ${counts.read} ≠ imported ${counts.imported} + updated ${counts.updated} + rejected ${counts.rejected} + skipped ${counts.skipped}.`;
  }
  const considered = counts.read - counts.skipped;
  if (considered === 0) return null;
  const rate = counts.rejected / considered;
  if (rate > thresholds.maxRejectRate) {
    return `${counts.rejected} of ${considered} records rejected (${(rate * 100).toFixed(1)} %), above the ${(thresholds.maxRejectRate * 100).toFixed(1)} % threshold.`;
  }
  return null;
}
