import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createReadStream, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import type { WorkflowHandle } from '@temporalio/client';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { MigrationRunsService } from '../apps/api/migration/migration-runs.service.js';
import { readConfig } from '../libs/config/app-config.js';
import { MIGRATION_WORKFLOW_TYPE, migrationWorkflowId, type MigrationRunInput } from '../workflows/migration/migration.contract.js';
import { startBenchStack } from './support/bench-stack.js';
import { machineLoad } from './support/machine.js';
import { startPeakSampler } from './support/memory-sampler.js';
import { formatTable, mib, seconds } from './support/stats.js';
import { writeSyntheticZendeskExport } from './support/synthetic-zendesk-export.js';

// Issue 6: rows per second a migration run imports (the whole workflow: read, map, plan, COPY into staging, upsert, id
// map, batch records), next to a raw COPY of exactly the rows it wrote into the same tables, measured in the same run;
// and the worker's peak resident memory while it streams the export.
// Usage: node dist/bench/migration-import.js [--customers 2000] [--tickets 10000] [--messages 50000] [--batch 2000]
//        (the full size: --customers 20000 --tickets 100000 --messages 1000000)

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '2000' },
    tickets: { type: 'string', default: '10000' },
    messages: { type: 'string', default: '50000' },
    batch: { type: 'string', default: '2000' },
  },
});
const size = { customers: Number(values.customers), tickets: Number(values.tickets), messages: Number(values.messages) };
const batchSize = Number(values.batch);
const TABLES = ['organizations', 'customers', 'tickets', 'ticket_messages'];
const rate = (rows: number, ms: number) => Math.round(rows / (ms / 1000));

/** How long an activity of the run took (scheduled → completed, from the workflow's history) and what it returned. */
async function activityDuration(handle: WorkflowHandle, activityType: string): Promise<{ ms: number; result: number }> {
  const events = (await handle.fetchHistory()).events ?? [];
  const scheduled = events.find((event) => event.activityTaskScheduledEventAttributes?.activityType?.name === activityType);
  const completed = events.find((event) => event.activityTaskCompletedEventAttributes?.scheduledEventId?.toString() === scheduled?.eventId?.toString());
  const at = (event: typeof scheduled) => Number(event?.eventTime?.seconds ?? 0) * 1000 + (event?.eventTime?.nanos ?? 0) / 1e6;
  const payload = completed?.activityTaskCompletedEventAttributes?.result?.payloads?.[0]?.data;
  return { ms: at(completed) - at(scheduled), result: payload ? Number(JSON.parse(Buffer.from(payload).toString())) : 0 };
}

console.log(`migration-import: ${size.customers} customers, ${size.tickets} tickets, ${size.messages} messages, batches of ${batchSize}\nmachine at start: ${machineLoad()}`);
const dir = mkdtempSync(join(tmpdir(), 'migration-bench-'));
const bench = await startBenchStack();
try {
  const exportFile = join(dir, 'export.ndjson');
  const lines = await writeSyntheticZendeskExport(exportFile, size, Date.now());
  console.log(`export: ${lines} records, ${mib(statSync(exportFile).size)} MiB`);

  const runId = randomUUID();
  const input: MigrationRunInput = { runId, batchSize, thresholds: { maxRejectRate: 1 }, phaseGates: {}, sampleSize: 0 };
  const mapping = readFileSync(new URL('../../examples/migration/zendesk.mapping.yaml', import.meta.url), 'utf8');
  await bench.dataSource.query(
    `INSERT INTO migration_runs (id, source_system, source_key, source, mapping, options, status) VALUES ($1, 'zendesk', 'bench', $2, $3, $4, 'preflight')`,
    [runId, { system: 'zendesk', files: [exportFile], key: 'bench' }, mapping, input],
  );
  const memory = startPeakSampler();
  const rssBefore = process.memoryUsage.rss();
  const started = performance.now();
  const handle = await bench.client.workflow.start(MIGRATION_WORKFLOW_TYPE, { workflowId: migrationWorkflowId(runId), taskQueue: 'helpdesk-bench', args: [input] });
  await handle.result();
  const importMs = performance.now() - started;
  const workflowStarts = await activityDuration(handle, 'startOpenTicketWorkflows');
  memory.stop();
  bench.assertWorkersRunning();
  const [{ report }] = await bench.dataSource.query<Array<{ report: { totals: Record<string, number> } }>>('SELECT report FROM migration_runs WHERE id = $1', [runId]);
  const written = report.totals.imported + report.totals.updated;

  // The baseline: the rows the run wrote, dumped, removed (the run's own rollback, as the API does it) and COPYed back
  // into the same tables.
  const runner = bench.dataSource.createQueryRunner();
  const client = (await runner.connect()) as pg.PoolClient;
  let copyMs = 0;
  let copied = 0;
  try {
    // Generated columns (the search vectors) are neither dumped nor given back: PostgreSQL computes them on COPY.
    const columns = new Map<string, string>();
    for (const table of TABLES) {
      columns.set(table, await storedColumns(client, table));
      const dump = copyTo(`COPY (SELECT ${columns.get(table)} FROM ${table} WHERE import_run_id = '${runId}') TO STDOUT`);
      await pipeline(client.query(dump), createWriteStream(join(dir, `${table}.copy`)));
    }
    await new MigrationRunsService(bench.dataSource, bench.client, { ...readConfig({}), taskQueue: 'helpdesk-bench' }).rollback(runId);
    const copyStarted = performance.now();
    for (const table of TABLES) {
      // COPY writes identity columns (tickets.number) as given: the dump carries the numbers the run got.
      const stream = client.query(copyFrom(`COPY ${table} (${columns.get(table)}) FROM STDIN`));
      await pipeline(createReadStream(join(dir, `${table}.copy`)), stream);
      copied += Number(stream.rowCount);
    }
    copyMs = performance.now() - copyStarted;
  } finally {
    await runner.release();
  }

  console.log(`\nreport: ${JSON.stringify(report.totals)}`);
  console.log(
    formatTable(
      ['', 'rows', 'seconds', 'rows/s'],
      [
        ['migration run (workflow, all phases)', written, seconds(importMs), rate(written, importMs)],
        ['baseline: raw COPY of the same rows', copied, seconds(copyMs), rate(copied, copyMs)],
      ],
    ),
  );
  console.log(`import / raw COPY: ${((rate(written, importMs) / rate(copied, copyMs)) * 100).toFixed(0)} % (goal ≥ 50 %)`);
  console.log(`worker process RSS: ${mib(rssBefore)} MiB before, peak ${mib(memory.peakRss())} MiB during the run (export file ${mib(statSync(exportFile).size)} MiB)`);
  console.log(
    `open-ticket workflows started: ${workflowStarts.result} in ${seconds(workflowStarts.ms)} s, ${rate(workflowStarts.result, workflowStarts.ms)} starts/s ` +
      `(part of the run's time; the workflows then run beside the later phases)`,
  );
  console.log(`machine at end: ${machineLoad()}`);
} finally {
  await bench.stop();
  rmSync(dir, { recursive: true, force: true });
}

/** The table's columns PostgreSQL stores as given (not generated), in order, quoted for SQL. */
async function storedColumns(client: pg.PoolClient, table: string): Promise<string> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT quote_ident(column_name) AS name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((row) => row.name).join(', ');
}
