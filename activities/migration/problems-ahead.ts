import type { PhaseSpools } from './phase-spools.js';
import type { ClassifiedRecord } from './source-cursors.js';

/**
 * Where each problem ticket of an export is (its ordinal), so an incident listed before its problem in another batch of
 * the first ticket phase (where every problem is imported, migration-phases.ts) is imported now and linked when its
 * problem's batch is written, instead of being rejected as a dangling reference. Read once per run from the phase's
 * spool and kept on this worker for the run's other batches.
 */
export class ProblemsAhead {
  private readonly byRun = new Map<string, Promise<ReadonlyMap<string, number>>>();

  constructor(private readonly spools: PhaseSpools) {}

  of(runId: string, spoolKey: string, classify: () => AsyncIterable<ClassifiedRecord>): Promise<ReadonlyMap<string, number>> {
    const key = `${runId}:${spoolKey}`;
    let found = this.byRun.get(key);
    if (!found) {
      found = this.read(runId, spoolKey, classify);
      this.byRun.set(key, found);
      found.catch(() => this.byRun.delete(key)); // a failed read is retried by the next batch
    }
    return found;
  }

  forget(runId: string): void {
    for (const key of this.byRun.keys()) if (key.startsWith(`${runId}:`)) this.byRun.delete(key);
  }

  private async read(runId: string, spoolKey: string, classify: () => AsyncIterable<ClassifiedRecord>): Promise<ReadonlyMap<string, number>> {
    const problems = new Map<string, number>();
    for await (const { ordinal, record, result } of this.spools.read(runId, spoolKey, 'open_tickets', classify)) {
      if (record.type === 'ticket' && result.ok && result.record.values.type === 'problem') problems.set(record.sourceId, ordinal);
    }
    return problems;
  }
}
