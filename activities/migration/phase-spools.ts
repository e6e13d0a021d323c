import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { MIGRATION_PHASES, type MigrationPhase } from '../../libs/domain/migration/index.js';
import type { ClassifiedRecord } from './source-cursors.js';

/** Written last: a spool directory without it was cut short and is never read. */
const COMPLETE_MARKER = 'complete.json';

/**
 * The export classified once into one file per phase (NDJSON of classified records, in export order), so each phase
 * reads only its own records instead of the whole export again. A spool is a cache on this worker's disk, named by the
 * run and what it was built from (`key`): a worker without it, or a revised mapping, builds a fresh one; the batch
 * cursors stay the truth.
 */
export class PhaseSpools {
  private readonly building = new Map<string, Promise<string>>();

  constructor(private readonly root = join(tmpdir(), 'helpdesk-migration-spools')) {}

  /** The phase's records from the spool, building it first if needed; returns how many records the export holds. */
  async *read(runId: string, key: string, phase: MigrationPhase, classify: () => AsyncIterable<ClassifiedRecord>): AsyncGenerator<ClassifiedRecord, number> {
    const dir = await this.ensure(runId, key, classify);
    for await (const line of createInterface({ input: createReadStream(join(dir, `${phase}.ndjson`), 'utf8'), crlfDelay: Infinity })) {
      yield JSON.parse(line) as ClassifiedRecord;
    }
    return (JSON.parse(await readFile(join(dir, COMPLETE_MARKER), 'utf8')) as { total: number }).total;
  }

  /** Drops every spool of the run on this worker. */
  async remove(runId: string): Promise<void> {
    for (const dir of this.building.keys()) if (dir.startsWith(join(this.root, `${runId}-`))) this.building.delete(dir);
    const names = await readdir(this.root).catch(() => []);
    await Promise.all(names.filter((name) => name.startsWith(`${runId}-`)).map((name) => rm(join(this.root, name), { recursive: true, force: true })));
  }

  private ensure(runId: string, key: string, classify: () => AsyncIterable<ClassifiedRecord>): Promise<string> {
    const dir = join(this.root, `${runId}-${key}`);
    let build = this.building.get(dir);
    if (!build) {
      build = readFile(join(dir, COMPLETE_MARKER)).then(
        () => dir,
        () => this.build(dir, classify()),
      );
      this.building.set(dir, build);
      // A failed build is retried by the next batch, not remembered.
      build.catch(() => this.building.delete(dir));
    }
    return build;
  }

  /** One pass over the export into a private directory, renamed into place only when complete. */
  private async build(dir: string, records: AsyncIterable<ClassifiedRecord>): Promise<string> {
    const partial = `${dir}.${randomUUID()}.partial`;
    await mkdir(partial, { recursive: true });
    const files = new Map<MigrationPhase, WriteStream>(MIGRATION_PHASES.map((phase) => [phase, createWriteStream(join(partial, `${phase}.ndjson`))]));
    try {
      // Every file open before anything can fail: a file still opening when the directory is removed fails unheard.
      await Promise.all([...files.values()].map((file) => once(file, 'ready')));
      let total = 0;
      for await (const record of records) {
        const file = files.get(record.phase)!;
        if (!file.write(`${JSON.stringify(record)}\n`)) await once(file, 'drain');
        total += 1;
      }
      await Promise.all([...files.values()].map((file) => new Promise((resolve, reject) => file.once('error', reject).end(resolve))));
      await writeFile(join(partial, COMPLETE_MARKER), JSON.stringify({ total }));
      await rename(partial, dir).catch(async (error: NodeJS.ErrnoException) => {
        // Another attempt finished the same spool first: it is identical, keep it.
        if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
        await rm(partial, { recursive: true, force: true });
      });
      return dir;
    } catch (error) {
      await Promise.all([...files.values()].map(closeAfterFailure));
      await rm(partial, { recursive: true, force: true });
      throw error;
    }
  }
}

/** Closes a spool file of a failed pass; its own error, if any, is the one already being reported. */
function closeAfterFailure(file: WriteStream): Promise<void> {
  if (file.closed) return Promise.resolve();
  return new Promise((resolve) => {
    file.on('error', () => undefined).once('close', () => resolve());
    file.destroy();
  });
}
