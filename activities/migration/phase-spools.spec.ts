import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MigrationPhase } from '../../libs/domain/migration/index.js';
import { PhaseSpools } from './phase-spools.js';
import type { ClassifiedRecord } from './source-cursors.js';

const classified = (ordinal: number, phase: MigrationPhase): ClassifiedRecord => ({
  ordinal,
  phase,
  record: { type: 'message', sourceId: `m${ordinal}`, fields: { id: `m${ordinal}` }, line: ordinal + 1 },
  result: { ok: false, reason: 'invalid_value', detail: 'test' },
});
const EXPORT = [classified(0, 'customers'), classified(1, 'history'), classified(2, 'customers'), classified(3, 'history')];

async function drain(records: AsyncGenerator<ClassifiedRecord, number>): Promise<{ ordinals: number[]; total: number }> {
  const ordinals: number[] = [];
  for (let next = await records.next(); ; next = await records.next()) {
    if (next.done) return { ordinals, total: next.value };
    ordinals.push(next.value.ordinal);
  }
}

describe('PhaseSpools', () => {
  let root: string;
  let passes: number;
  const classify = async function* () {
    passes += 1;
    yield* EXPORT;
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'phase-spools-'));
    passes = 0;
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("reads each phase's records in export order, with the export's size, from one pass over the export", async () => {
    const spools = new PhaseSpools(root);
    expect(await drain(spools.read('run', 'k', 'customers', classify))).toEqual({ ordinals: [0, 2], total: 4 });
    expect(await drain(spools.read('run', 'k', 'history', classify))).toEqual({ ordinals: [1, 3], total: 4 });
    expect(await drain(spools.read('run', 'k', 'knowledge', classify))).toEqual({ ordinals: [], total: 4 });
    expect(passes).toBe(1);
  });

  it('finds a spool another instance (an earlier worker process) completed, and builds anew for another key', async () => {
    await drain(new PhaseSpools(root).read('run', 'k', 'history', classify));
    await drain(new PhaseSpools(root).read('run', 'k', 'history', classify));
    expect(passes).toBe(1);
    await drain(new PhaseSpools(root).read('run', 'revised', 'history', classify));
    expect(passes).toBe(2);
  });

  it('leaves nothing behind when the export fails mid-pass, and removes a run’s spools', async () => {
    const spools = new PhaseSpools(root);
    const failing = async function* () {
      yield EXPORT[0];
      throw new Error('disk gone');
    };
    await expect(drain(spools.read('run', 'k', 'customers', failing))).rejects.toThrow('disk gone');
    expect(readdirSync(root)).toEqual([]);
    await drain(spools.read('run', 'k', 'customers', classify));
    await spools.remove('run');
    expect(readdirSync(root)).toEqual([]);
  });
});
