import type { MapResult, MigrationPhase, SourceRecord } from '../../libs/domain/migration/index.js';

/** A source record with its place in the export, what the mapping made of it and the phase it belongs to. */
export interface ClassifiedRecord {
  ordinal: number;
  record: SourceRecord;
  result: MapResult;
  phase: MigrationPhase;
}

export interface PhaseSlice {
  records: ClassifiedRecord[];
  nextCursor: number;
  exhausted: boolean;
}

/** A phase's records in export order; when done, the number of records the whole export holds. */
export type PhaseRecords = AsyncIterator<ClassifiedRecord, number>;

interface OpenCursor {
  records: PhaseRecords;
  position: number;
}

const MAX_OPEN_CURSORS = 16;

/**
 * Keeps each phase's reader open between its batches, so a run reads each phase's records once instead of once per
 * batch. A batch asking for a position the open reader is not at (the worker restarted, a batch was retried) gets a
 * fresh reader skipped forward to it: the cursor, not this cache, is the truth.
 */
export class SourceCursors {
  private readonly open = new Map<string, OpenCursor>();

  async take(key: string, cursor: number, phase: MigrationPhase, limit: number, openSource: () => PhaseRecords): Promise<PhaseSlice> {
    let current = this.open.get(key);
    this.open.delete(key);
    if (!current || current.position !== cursor) {
      await current?.records.return?.();
      current = { records: openSource(), position: 0 };
    }
    const records: ClassifiedRecord[] = [];
    while (records.length < limit) {
      const next = await current.records.next();
      if (next.done) return { records, nextCursor: next.value, exhausted: true };
      current.position = next.value.ordinal + 1;
      if (next.value.ordinal >= cursor && next.value.phase === phase) records.push(next.value);
    }
    this.remember(key, current);
    return { records, nextCursor: current.position, exhausted: false };
  }

  private remember(key: string, cursor: OpenCursor): void {
    this.open.set(key, cursor);
    if (this.open.size > MAX_OPEN_CURSORS) {
      const [oldestKey, oldest] = this.open.entries().next().value!;
      this.open.delete(oldestKey);
      void oldest.records.return?.();
    }
  }
}
