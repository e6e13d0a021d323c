import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reconciles } from '../../libs/domain/migration/index.js';
import { migrationFixture } from '../support/migration-fixtures.js';
import { exampleMappingText, readRun, signalRun, START_RUN, startRun, until, waitForRunStatus } from '../support/migration-runs.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { startOwnTemporal } from '../support/own-temporal.js';
import type { RunningTemporal } from '../../libs/devstack/temporal-dev-server.js';
import { CREATE_SLA } from '../support/sla.js';
import { eventsOfType, expectNoTicketWorkflow, listWorkflows } from '../support/tickets.js';

// The public 1,000-ticket CSV export imported through the API on the real stack, with the example mapping: sample,
// approval, phases, reconciled counts; then a delta run of a later export of the same source, and rollbacks.
describe('migrating the generic CSV export', () => {
  let temporal: RunningTemporal;
  let system: TestSystem;
  let operator: string;
  let admin: string;
  let workDir: string;
  const mapping = exampleMappingText('generic-tickets.mapping.yaml');
  const csv = migrationFixture('generic-tickets-1k.csv');

  beforeAll(async () => {
    temporal = await startOwnTemporal();
    system = await startTestSystem({ temporalAddress: temporal.address });
    ({ token: operator } = await system.signIn(['migration_operator']));
    ({ token: admin } = await system.signIn(['admin']));
    // Urgent tickets must be resolved within a day, around the clock: an imported open one is long overdue.
    const policy = await system.graphql(CREATE_SLA, {
      input: { name: 'Urgent', targets: [{ priority: 'URGENT', metric: 'RESOLUTION', minutes: 1440, businessHours: false }] },
    }, admin);
    expect(policy.errors).toBeUndefined();
    workDir = mkdtempSync(join(tmpdir(), 'migration-e2e-'));
  });
  afterAll(async () => {
    await system.stop();
    await temporal.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  const count = async (sql: string, parameters: unknown[] = []) => Number((await system.dataSource.query<Array<{ n: string }>>(sql, parameters))[0].n);

  /** What the source file says, counted independently of the importer. */
  const sourceRows = readFileSync(csv, 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
  const openInSource = sourceRows.filter((row) => ['Open', 'In Progress', 'Pending'].includes(row[4])).length;

  let firstRun: string;

  it('refuses a mapping with issues, naming the line, and writes nothing', async () => {
    const broken = mapping.replace('Closed: closed', 'Closed: finished');
    const result = await system.graphql(START_RUN, { input: { sourceSystem: 'csv', files: [csv], mapping: broken } }, operator);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/line 21: "finished" is not a status/);
    expect(await count('SELECT count(*) AS n FROM migration_runs')).toBe(0);
  });

  it('refuses callers who are not migration operators or admins', async () => {
    const { token: agent } = await system.signIn(['agent']);
    const result = await system.graphql(START_RUN, { input: { sourceSystem: 'csv', files: [csv], mapping } }, agent);
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('samples first, into the sample scope only, and imports nothing until the operator approves', async () => {
    firstRun = await startRun(system, operator, { sourceSystem: 'csv', files: [csv], mapping, batchSize: 300, sampleSize: 50 });
    const waiting = await waitForRunStatus(system, operator, firstRun, 'awaiting_approval');
    expect(waiting.waitingReason).toMatch(/^Sample 1: 50 of 50 records mapped/);
    const sample = await system.graphql<{ migrationRun: { sample: Array<{ source: Record<string, string>; target: { values: Record<string, string> } }> } }>(
      `query($id: ID!) { migrationRun(id: $id) { sample { recordType sourceId source target rejectReason } } }`,
      { id: firstRun },
      operator,
    );
    const records = sample.data!.migrationRun.sample;
    expect(records).toHaveLength(50);
    // Every status and priority value of the source is in the sample, each beside what it became.
    expect(new Set(records.map((record) => record.source.Status))).toEqual(new Set(['Open', 'In Progress', 'Pending', 'Resolved', 'Closed']));
    expect(new Set(records.map((record) => record.source.Priority))).toEqual(new Set(['Low', 'Medium', 'High', 'Critical']));
    const critical = records.find((record) => record.source.Priority === 'Critical')!;
    expect(critical.target.values.priority).toBe('urgent');
    expect(await count('SELECT count(*) AS n FROM tickets')).toBe(0);
  });

  // The run completes once its 572 open tickets' workflows have started too (minutes on a loaded 2-core machine).
  it('imports every ticket after approval, open ones in their own phase, and the report reconciles', async () => {
    await signalRun(system, operator, 'approveMigrationRun', firstRun);
    const run = await waitForRunStatus(system, operator, firstRun, 'completed', 240_000);
    expect(run.report.totals).toEqual({ read: 1000, imported: 1000, updated: 0, rejected: 0, skipped: 0 });
    expect(run.report.phases?.open_tickets).toMatchObject({ read: openInSource, imported: openInSource });
    // The export is from 2024: nothing closed in the last 90 days, the rest is history.
    expect(run.report.phases?.history).toMatchObject({ read: 1000 - openInSource, imported: 1000 - openInSource });
    for (const phase of Object.values(run.report.phases ?? {})) expect(reconciles(phase as never)).toBe(true);

    expect(await count('SELECT count(*) AS n FROM tickets WHERE import_run_id = $1', [firstRun])).toBe(1000);
    expect(await count(`SELECT count(*) AS n FROM tickets WHERE status IN ('open', 'pending')`)).toBe(openInSource);
    const [ticket] = await system.dataSource.query(
      `SELECT t.subject, t.status, t.priority, t.channel, t.created_at, t.fields, t.requester_email
         FROM tickets t JOIN migration_id_map m ON m.target_id = t.id::text WHERE m.source_id = 'TKT-00004'`,
    );
    expect(ticket).toMatchObject({
      subject: 'Feature Request: Data Loss (Product C)',
      status: 'open',
      priority: 'urgent',
      channel: 'web',
      requester_email: 'unknown-requester@import.invalid',
      fields: { product: 'Product C', agent: 'Agent_2', firstResponseHours: '0.95' },
    });
    expect(ticket.created_at.toISOString()).toBe('2024-12-12T23:57:00.000Z');
  }, 300_000);

  it("counts the imported history in reports at its original times, and leaves it out on request", async () => {
    const { token: supervisor } = await system.signIn(['supervisor']);
    const perMonth = new Map<string, number>();
    for (const row of sourceRows) if (row[1].startsWith('2024')) perMonth.set(row[1].slice(0, 7), (perMonth.get(row[1].slice(0, 7)) ?? 0) + 1);
    const report = async (excludeImported: boolean) => {
      const result = await system.graphql<{ helpdeskReport: { totals: Array<{ value: number }>; groups: Array<{ key: string; figures: Array<{ value: number }> }> } }>(
        `query($filter: ReportFilterInput!) { helpdeskReport(filter: $filter, metrics: [TICKETS_CREATED], groupBy: MONTH) {
           totals { value } groups { key figures { value } } } }`,
        { filter: { from: '2024-01-01', to: '2024-12-31', timeZone: 'UTC', excludeImported } },
        supervisor,
      );
      expect(result.errors).toBeUndefined();
      return result.data!.helpdeskReport;
    };
    const imported = await report(false);
    expect(Object.fromEntries(imported.groups.filter((group) => group.figures[0].value > 0).map((group) => [group.key, group.figures[0].value]))).toEqual(
      Object.fromEntries(perMonth),
    );
    expect((await report(true)).totals[0].value).toBe(0);

    // The export has no replies, only each ticket's first-response hours (mapped to firstReplyAt): that is the figure.
    const hours = sourceRows.filter((row) => row[1].startsWith('2024') && row[9] !== '').map((row) => Number(row[9]) * 60);
    const firstReply = await system.graphql<{ helpdeskReport: { totals: Array<{ mean: number; sampleSize: number }> } }>(
      `query { helpdeskReport(filter: { from: "2024-01-01", to: "2024-12-31" }, metrics: [FIRST_REPLY_TIME]) { totals { mean sampleSize } } }`,
      {},
      supervisor,
    );
    expect(firstReply.data!.helpdeskReport.totals[0].sampleSize).toBe(hours.length);
    expect(firstReply.data!.helpdeskReport.totals[0].mean).toBeCloseTo(hours.reduce((sum, minutes) => sum + minutes, 0) / hours.length, 6);
  });

  it('gives open tickets a running lifecycle workflow from their original timestamps, and closed ones none', async () => {
    // Visibility is eventually consistent: wait until it lists them all, then check there are no more.
    const listRunning = () => listWorkflows(system.temporal, `WorkflowType = 'ticketWorkflow' AND ExecutionStatus = 'Running' AND TaskQueue = '${system.config.taskQueue}'`);
    let running = await listRunning();
    await until(async () => (running = await listRunning()).length >= openInSource);
    expect(running).toHaveLength(openInSource);
    const [open] = await system.dataSource.query(`SELECT t.id FROM tickets t JOIN migration_id_map m ON m.target_id = t.id::text WHERE m.source_id = 'TKT-00004'`);
    const [closed] = await system.dataSource.query(`SELECT t.id FROM tickets t JOIN migration_id_map m ON m.target_id = t.id::text WHERE m.source_id = 'TKT-00001'`);
    await expectNoTicketWorkflow(system.temporal, closed.id);

    // TKT-00004 (urgent, created 2024-12-12 23:57, open): its resolution clock ran from then, so it breached a day
    // later — once, without a burst of warnings — and the ticket stays open, as it was in the old help desk.
    const readTicket = () =>
      system.graphql<{ ticket: { status: string; sla: { metrics: Array<{ metric: string; deadline: string; breached: boolean }> }; timeline: Array<{ type: string }> } }>(
        `query($id: ID!) { ticket(id: $id) { status sla { metrics { metric deadline breached } } timeline { type } } }`,
        { id: open.id },
        admin,
      );
    let read = await readTicket();
    await until(async () => eventsOfType((read = await readTicket()).data?.ticket.timeline ?? [], 'sla_breached').length > 0);
    const view = read.data!.ticket;
    expect(view.status).toBe('OPEN');
    expect(view.sla.metrics).toEqual([{ metric: 'RESOLUTION', deadline: '2024-12-13T23:57:00.000Z', breached: true }]);
    expect(eventsOfType(view.timeline, 'sla_breached')).toHaveLength(1);
    expect(eventsOfType(view.timeline, 'sla_warning')).toHaveLength(0);
  });

  it('runs a delta of a later export: only new and changed records are written, nothing is duplicated', async () => {
    const later = join(workDir, 'later-export.csv');
    copyFileSync(csv, later);
    const lines = readFileSync(later, 'utf8').trimEnd().split('\n');
    // One ticket changed since (its date moved on), three created.
    lines[1] = lines[1].replace('2024-11-23 03:01:00', '2025-01-05 10:00:00').replace('General Inquiry', 'Billing Question');
    lines.push(
      'TKT-01001,2025-01-02 09:00:00,Billing Question,High,Open,Email,Product A,Payment,Agent_3,,,',
      'TKT-01002,2025-01-02 10:00:00,Bug Report,Low,Closed,Chat,Product B,UI/UX,Agent_4,1.0,2.0,4.0',
      'TKT-01003,2025-01-03 11:00:00,Bug Report,Medium,Pending,Phone,Product B,UI/UX,Agent_4,,,',
    );
    writeFileSync(later, `${lines.join('\n')}\n`);

    const delta = await startRun(system, operator, { sourceSystem: 'csv', files: [later], mapping, batchSize: 300, sampleSize: 0 });
    const run = await waitForRunStatus(system, operator, delta, 'completed');
    expect(run.report.totals).toEqual({ read: 1003, imported: 3, updated: 1, rejected: 0, skipped: 999 });
    expect(await count('SELECT count(*) AS n FROM tickets')).toBe(1003);
    expect(await count('SELECT count(*) AS n FROM tickets WHERE import_run_id = $1', [delta])).toBe(3);
    const [changed] = await system.dataSource.query(
      `SELECT t.subject, t.import_run_id FROM tickets t JOIN migration_id_map m ON m.target_id = t.id::text WHERE m.source_id = 'TKT-00001'`,
    );
    expect(changed).toEqual({ subject: 'Billing Question: Performance (Product D)', import_run_id: firstRun });

    // Rolling the delta back removes its three tickets, and only them; the updated one belongs to the first run.
    const rolledBack = await system.graphql(`mutation($id: ID!) { rollbackMigrationRun(id: $id) { status } }`, { id: delta }, operator);
    expect(rolledBack.data).toEqual({ rollbackMigrationRun: { status: 'rolled_back' } });
    expect(await count('SELECT count(*) AS n FROM tickets')).toBe(1000);
    expect(await count(`SELECT count(*) AS n FROM migration_id_map WHERE source_id IN ('TKT-01001', 'TKT-01002', 'TKT-01003')`)).toBe(0);
  });

  it('rolls the first run back to an empty help desk, and refuses to roll back twice', async () => {
    await signalRun(system, operator, 'rollbackMigrationRun', firstRun);
    expect(await count('SELECT count(*) AS n FROM tickets')).toBe(0);
    expect(await count('SELECT count(*) AS n FROM migration_id_map')).toBe(0);
    expect((await readRun(system, operator, firstRun)).status).toBe('rolled_back');
    // The open tickets' workflows were ended with their rows.
    const runningQuery = `WorkflowType = 'ticketWorkflow' AND ExecutionStatus = 'Running' AND TaskQueue = '${system.config.taskQueue}'`;
    await until(async () => (await listWorkflows(system.temporal, runningQuery)).length === 0);
    const again = await system.graphql(`mutation($id: ID!) { rollbackMigrationRun(id: $id) { status } }`, { id: firstRun }, operator);
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
  });
});
