import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UNREACHABLE_RETRY_AFTER_SECONDS } from '../../apps/api/common/graphql-error.filter.js';
import { startEmbeddedPostgres, type RunningPostgres } from '../../libs/devstack/embedded-postgres.js';
import { freePort } from '../../libs/devstack/free-port.js';
import { migrationWorkflowId } from '../../workflows/migration/migration.contract.js';
import { changeStatusUpdate, ticketWorkflowId } from '../../workflows/ticket/ticket.contract.js';
import { migrationFixture } from '../support/migration-fixtures.js';
import { exampleMappingText, startRun, until } from '../support/migration-runs.js';
import { installTestRuntime, startTestSystem, type TestSystem } from '../support/test-system.js';
import { retriedActivities } from '../support/activity-attempts.js';
import { CREATE_TICKET, newTicket } from '../support/tickets.js';

// Fault matrix row "PostgreSQL stopped and restarted": its own persistent PostgreSQL (embedded, same data folder and
// port on restart) under the run's Temporal server. PostgreSQL is stopped for OUTAGE_MS while a 1k CSV migration run is
// between batches, ticket workflows are writing their timelines and a client tries to open a ticket.
const OUTAGE_MS = 15_000;

describe('PostgreSQL stopped and restarted mid-run', () => {
  let dataDir: string;
  let port: number;
  let postgres: RunningPostgres | undefined;
  let system: TestSystem;
  const databaseName = 'helpdesk';

  const startPostgres = async () => {
    postgres = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), port, persistent: true });
    return postgres;
  };

  beforeAll(async () => {
    installTestRuntime();
    dataDir = mkdtempSync(join(tmpdir(), 'helpdesk-pg-outage-'));
    port = await freePort();
    const pg = await startPostgres();
    await pg.createDatabase(databaseName);
    system = await startTestSystem({ databaseUrl: pg.urlFor(databaseName), taskQueue: `pg-outage-${randomBytes(4).toString('hex')}` });
  }, 120_000);
  afterAll(async () => {
    // Back up first if the test failed during the outage, so the system stops cleanly.
    if (!postgres) await startPostgres().catch(() => undefined);
    await system?.stop();
    await postgres?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const one = async <T,>(sql: string, parameters: unknown[] = []): Promise<T> => (await system.dataSource.query(sql, parameters))[0] as T;

  it('retries activities, writes no timeline event twice, finishes the migration with exact counts, and refuses intake clearly', async () => {
    const { token: agent, userId: agentId } = await system.signIn(['agent']);
    const { token: operator } = await system.signIn(['migration_operator']);

    // A migration run of the 1k CSV fixture, small batches so the outage falls between and inside them.
    const runId = await startRun(system, operator, {
      sourceSystem: 'csv',
      files: [migrationFixture('generic-tickets-1k.csv')],
      mapping: exampleMappingText('generic-tickets.mapping.yaml'),
      sampleSize: 0,
      batchSize: 40,
    });

    // Tickets opened just before the outage: their workflows go on writing the timeline (routing, SLA, ...) after the
    // API has answered.
    const before: string[] = [];
    for (let index = 0; index < 3; index++) {
      const created = await system.graphql(CREATE_TICKET, { input: newTicket({ subject: `Before the outage ${index}`, idempotencyKey: `pg-before-${index}` }) }, agent);
      expect(created.errors).toBeUndefined();
      before.push(created.data!.createTicket.id);
    }

    // Mid-run: some batches written, the run not finished.
    await until(async () => (await one<{ n: number }>('SELECT count(*)::int AS n FROM migration_batches WHERE run_id = $1', [runId])).n >= 3, 120_000);
    const atStop = await one<{ status: string; phase: string; batches: number; tickets: number }>(
      `SELECT status, phase, (SELECT count(*)::int FROM migration_batches WHERE run_id = $1) AS batches,
              (SELECT count(*)::int FROM migration_id_map WHERE run_id = $1 AND record_type = 'ticket') AS tickets
         FROM migration_runs WHERE id = $1`,
      [runId],
    );
    expect(atStop.status).toBe('running');

    const stoppedAt = Date.now();
    await postgres!.stop();
    postgres = undefined;

    // A timeline write while PostgreSQL is down: the workflow's change of status must wait for its activity's retries.
    const duringOutage = system.temporal.workflow
      .getHandle(ticketWorkflowId(before[0]))
      .executeUpdate(changeStatusUpdate, { args: [{ status: 'pending', actorUserId: agentId }] });
    duringOutage.catch(() => undefined);

    // Intake during the outage: a clear, retryable code, quickly.
    const intakeStarted = Date.now();
    const refused = await system.graphqlHttp(CREATE_TICKET, { input: newTicket({ subject: 'During the outage', idempotencyKey: 'pg-during' }) }, agent);
    const intakeMs = Date.now() - intakeStarted;
    expect(refused.body.errors?.map((error) => error.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(intakeMs).toBeLessThan(5_000);

    // Plain HTTP routes (an authenticated export, the public survey form) answer the same code, as 503 with Retry-After.
    const plainRoutes = await Promise.all([
      fetch(`${system.url}/reports/helpdesk.csv?from=2026-01-01&to=2026-01-31`, { headers: { authorization: `Bearer ${agent}` } }),
      fetch(`${system.url}/survey`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'token=x&score=5' }),
    ]);
    const plainAnswers = await Promise.all(
      plainRoutes.map(async (response) => ({ status: response.status, retryAfter: response.headers.get('retry-after'), code: ((await response.json()) as { code: string }).code })),
    );
    expect(plainAnswers).toEqual([
      { status: 503, retryAfter: String(UNREACHABLE_RETRY_AFTER_SECONDS), code: 'SERVICE_UNAVAILABLE' },
      { status: 503, retryAfter: String(UNREACHABLE_RETRY_AFTER_SECONDS), code: 'SERVICE_UNAVAILABLE' },
    ]);

    // The outage itself (the one fixed wait), then PostgreSQL again on the same data and port.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, OUTAGE_MS - (Date.now() - stoppedAt))));
    await startPostgres();
    const restartedAt = Date.now();

    // The refused request, tried again with the same key, lands once.
    let retried = await system.graphql(CREATE_TICKET, { input: newTicket({ subject: 'During the outage', idempotencyKey: 'pg-during' }) }, agent);
    await until(async () => {
      if (!retried.errors) return true;
      retried = await system.graphql(CREATE_TICKET, { input: newTicket({ subject: 'During the outage', idempotencyKey: 'pg-during' }) }, agent);
      return !retried.errors;
    }, 30_000);
    const intakeId: string = retried.data!.createTicket.id;
    const again = await system.graphql(CREATE_TICKET, { input: newTicket({ subject: 'During the outage', idempotencyKey: 'pg-during' }) }, agent);
    expect(again.data!.createTicket.id).toBe(intakeId);
    expect(await one('SELECT count(*)::int AS n FROM tickets WHERE idempotency_key = $1', ['pg-during'])).toEqual({ n: 1 });

    // The update issued during the outage completes once PostgreSQL is back.
    expect((await duringOutage).status).toBe('pending');
    const updateDoneMs = Date.now() - restartedAt;

    // The run resumes and completes with exact counts.
    let run = { status: '', report: { totals: {} as Record<string, number> } };
    await until(async () => {
      run = await one('SELECT status, report FROM migration_runs WHERE id = $1', [runId]);
      return ['completed', 'failed', 'cancelled'].includes(run.status);
    }, 240_000);
    const runDoneMs = Date.now() - restartedAt;
    expect(run.status).toBe('completed');
    expect(run.report.totals).toEqual({ read: 1000, imported: 1000, updated: 0, rejected: 0, skipped: 0 });
    expect(
      await system.dataSource.query(
        `SELECT record_type, count(*)::int AS n, count(DISTINCT source_id)::int AS sources, count(DISTINCT target_id)::int AS targets
           FROM migration_id_map WHERE run_id = $1 GROUP BY record_type ORDER BY record_type`,
        [runId],
      ),
    ).toEqual([
      { record_type: 'customer', n: 1, sources: 1, targets: 1 },
      { record_type: 'ticket', n: 1000, sources: 1000, targets: 1000 },
    ]);
    // 1000 imported, 3 before the outage, 1 retried intake: no row twice.
    expect(await one('SELECT count(*)::int AS rows, count(DISTINCT id)::int AS ids FROM tickets')).toEqual({ rows: 1004, ids: 1004 });
    const batches = await system.dataSource.query<Array<{ phase: string; cursor_from: number; cursor_to: number }>>(
      'SELECT phase, cursor_from, cursor_to FROM migration_batches WHERE run_id = $1 ORDER BY phase, batch_no',
      [runId],
    );
    for (const phase of new Set(batches.map((batch) => batch.phase))) {
      const ofPhase = batches.filter((batch) => batch.phase === phase);
      expect(ofPhase[0].cursor_from).toBe(0);
      for (let index = 1; index < ofPhase.length; index++) expect(ofPhase[index].cursor_from).toBe(ofPhase[index - 1].cursor_to);
    }

    // No timeline event written twice: no (ticket, sequence) and no (ticket, type, sequence) repeated, anywhere.
    expect(await system.dataSource.query('SELECT ticket_id, sequence, count(*)::int AS n FROM ticket_events GROUP BY 1, 2 HAVING count(*) > 1')).toEqual([]);
    // The tickets written around the outage: one `created`, one `status_changed` for the update made during it.
    const lifecycle = await system.dataSource.query<Array<{ ticket_id: string; type: string; n: number }>>(
      `SELECT ticket_id, type, count(*)::int AS n FROM ticket_events WHERE ticket_id = ANY($1) AND type IN ('created', 'status_changed') GROUP BY 1, 2 ORDER BY 1, 2`,
      [[...before, intakeId]],
    );
    expect(lifecycle.filter((row) => row.n !== 1)).toEqual([]);
    expect(lifecycle.filter((row) => row.type === 'created')).toHaveLength(4);
    expect(lifecycle.filter((row) => row.type === 'status_changed').map((row) => row.ticket_id)).toEqual([before[0]]);

    // Activities were retried across the outage (attempt > 1 in the histories), not given up on.
    const migrationRetries = await retriedActivities(system.temporal.workflow.getHandle(migrationWorkflowId(runId)));
    const ticketRetries = await retriedActivities(system.temporal.workflow.getHandle(ticketWorkflowId(before[0])));
    expect(migrationRetries.length).toBeGreaterThan(0);
    expect(ticketRetries.map((retry) => retry.activity)).toContain('recordLifecycle');

    console.log(
      JSON.stringify({
        outageMs: restartedAt - stoppedAt,
        atStop,
        intake: { code: refused.body.errors?.[0].extensions?.code, httpStatus: refused.status, ms: intakeMs },
        plainRoutes: plainAnswers,
        updateDoneAfterRestartMs: updateDoneMs,
        runDoneAfterRestartMs: runDoneMs,
        totals: run.report.totals,
        migrationRetries,
        ticketRetries,
      }),
    );
  }, 420_000);
});
