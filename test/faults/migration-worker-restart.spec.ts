import { NativeConnection, type Worker } from '@temporalio/worker';
import { randomBytes, randomUUID } from 'node:crypto';
import { createHelpdeskWorker } from '../../apps/worker/create-worker.js';
import { surveyLinkConfig } from '../../activities/surveys/survey-links.js';
import { outboundMailSettings } from '../../libs/config/app-config.js';
import { MIGRATION_WORKFLOW_TYPE, migrationWorkflowId, type MigrationRunInput } from '../../workflows/migration/migration.contract.js';
import { migrationFixture } from '../support/migration-fixtures.js';
import { exampleMappingText, until } from '../support/migration-runs.js';
import { workflowBundle } from '../support/test-stack.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { startOwnTemporal } from '../support/own-temporal.js';
import type { RunningTemporal } from '../../libs/devstack/temporal-dev-server.js';

// The worker running a migration is stopped in the middle of a phase and another one takes over: the run finishes with
// exact counts and no duplicates. The run is on a task queue of its own, so this test controls every worker serving it.
describe('a migration run whose worker stops mid-phase', () => {
  let temporal: RunningTemporal;
  let system: TestSystem;
  const taskQueue = `migration-restart-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    temporal = await startOwnTemporal();
    system = await startTestSystem({ temporalAddress: temporal.address });
  });
  afterAll(async () => {
    await system.stop();
    await temporal.stop();
  });

  async function startWorker(): Promise<{ worker: Worker; running: Promise<void>; connection: NativeConnection }> {
    const connection = await NativeConnection.connect({ address: system.config.temporalAddress });
    const { config } = system;
    const worker = await createHelpdeskWorker({
      connection,
      namespace: config.temporalNamespace,
      taskQueue,
      dataSource: system.dataSource,
      mail: outboundMailSettings(config),
      surveyLinks: surveyLinkConfig(config),
      maxCachedWorkflows: config.workerMaxCachedWorkflows,
      workflowBundle: workflowBundle(),
    });
    return { worker, running: worker.run(), connection };
  }

  const one = async <T,>(sql: string, parameters: unknown[] = []): Promise<T> => (await system.dataSource.query(sql, parameters))[0] as T;

  // 1,000 records through every phase and a worker handover, and the run completes only once its 572 open tickets'
  // workflows have written: about 30-50 s alone. Beside the rest of the suite its run sometimes never completed (not
  // understood yet), hence the fault phase, one spec at a time, and a generous limit.
  it('finishes with every ticket imported exactly once', async () => {
    const runId = randomUUID();
    const input: MigrationRunInput = { runId, batchSize: 40, thresholds: { maxRejectRate: 0 }, phaseGates: {}, sampleSize: 0 };
    const files = [migrationFixture('generic-tickets-1k.csv')];
    // The row the API writes before it starts the workflow (MigrationRunsService.start).
    await system.dataSource.query(
      `INSERT INTO migration_runs (id, source_system, source_key, source, mapping, options, status) VALUES ($1, 'csv', 'csv', $2, $3, $4, 'preflight')`,
      [runId, { system: 'csv', files }, exampleMappingText('generic-tickets.mapping.yaml'), input],
    );

    const first = await startWorker();
    const handle = await system.temporal.workflow.start(MIGRATION_WORKFLOW_TYPE, { workflowId: migrationWorkflowId(runId), taskQueue, args: [input] });
    await until(async () => (await one<{ n: number }>(`SELECT count(*)::int AS n FROM migration_batches WHERE run_id = $1 AND phase = 'open_tickets'`, [runId])).n >= 3);
    first.worker.shutdown();
    await first.running;
    await first.connection.close();

    expect(await one('SELECT status, phase FROM migration_runs WHERE id = $1', [runId])).toEqual({ status: 'running', phase: 'open_tickets' });
    expect((await handle.describe()).status.name).toBe('RUNNING');

    const second = await startWorker();
    try {
      await handle.result();
    } finally {
      second.worker.shutdown();
      await second.running;
      await second.connection.close();
    }

    const report = await one<{ status: string; report: { totals: Record<string, number> } }>('SELECT status, report FROM migration_runs WHERE id = $1', [runId]);
    expect(report.status).toBe('completed');
    expect(report.report.totals).toEqual({ read: 1000, imported: 1000, updated: 0, rejected: 0, skipped: 0 });
    expect(await one('SELECT count(*)::int AS rows, count(DISTINCT id)::int AS ids FROM tickets')).toEqual({ rows: 1000, ids: 1000 });
    // Every ticket once, and the one customer created for the export's default requester email.
    expect(
      await system.dataSource.query(`SELECT record_type, count(*)::int AS n FROM migration_id_map WHERE run_id = $1 GROUP BY record_type ORDER BY record_type`, [runId]),
    ).toEqual([{ record_type: 'customer', n: 1 }, { record_type: 'ticket', n: 1000 }]);
    // Every batch recorded once, cursors contiguous: none skipped, none repeated.
    const batches = await system.dataSource.query<Array<{ phase: string; cursor_from: number; cursor_to: number }>>(
      `SELECT phase, cursor_from, cursor_to FROM migration_batches WHERE run_id = $1 ORDER BY phase, batch_no`,
      [runId],
    );
    for (const phase of new Set(batches.map((batch) => batch.phase))) {
      const ofPhase = batches.filter((batch) => batch.phase === phase);
      expect(ofPhase[0].cursor_from).toBe(0);
      for (let index = 1; index < ofPhase.length; index++) expect(ofPhase[index].cursor_from).toBe(ofPhase[index - 1].cursor_to);
    }
  }, 600_000);
});
