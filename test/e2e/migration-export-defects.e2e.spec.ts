import { readFileSync } from 'node:fs';
import { migrationFixture } from '../support/migration-fixtures.js';
import { exampleMappingText, readRun, signalRun, startRun, until, waitForRunStatus } from '../support/migration-runs.js';
import { CREATE_SLA } from '../support/sla.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

// Defects found migrating a real export (issue 18), each reproduced on the real stack: timestamps with fractional
// seconds, done times as target fields, phases by the mapped status, a default requester's customer, a malformed row's
// raw text, the run completing only once its open tickets are live, row and workflow agreeing on the status, a
// misspelt column named by the preflight, an estimate from measured batches, and SLA policies re-applied later.
describe('migrating an export with the defects found on a real one', () => {
  let system: TestSystem;
  let operator: string;
  let admin: string;
  let adminId: string;
  let runId: string;
  const csv = migrationFixture('exported-times.csv');
  const mapping = readFileSync(migrationFixture('exported-times.mapping.yaml'), 'utf8');

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: operator } = await system.signIn(['migration_operator']));
    ({ token: admin, userId: adminId } = await system.signIn(['admin']));
  });
  afterAll(() => system.stop());

  const ticketOf = async (sourceId: string) =>
    (
      await system.dataSource.query<Array<Record<string, any>>>(
        `SELECT t.* FROM tickets t JOIN migration_id_map m ON m.record_type = 'ticket' AND m.target_id = t.id::text WHERE m.source_id = $1`,
        [sourceId],
      )
    )[0];

  it('imports fractional-second and offset timestamps, done times, and classifies a failed record by its status', async () => {
    runId = await startRun(system, operator, { sourceSystem: 'csv', files: [csv], mapping, sourceKey: 'times', sampleSize: 0, maxRejectRate: 1 });
    const run = await waitForRunStatus(system, operator, runId, 'completed');
    expect(run.report.totals).toEqual({ read: 4, imported: 2, updated: 0, rejected: 2, skipped: 0 });
    // F-3 (solved, its optional update time unreadable) is history, as its status says, not open work.
    expect(run.report.phases).toMatchObject({ open_tickets: { read: 2, imported: 1, rejected: 1 }, history: { read: 2, imported: 1, rejected: 1 } });
    const preflight = (run.progress as unknown as { preflight: { recordsByPhase: Record<string, number>; estimatedSeconds: number | null } }).preflight;
    expect(preflight.recordsByPhase).toEqual({ open_tickets: 2, history: 2 });
    // The first run of this help desk: nothing measured yet to estimate from.
    expect(preflight.estimatedSeconds).toBeNull();

    const open = await ticketOf('F-1');
    expect(open.created_at.toISOString()).toBe('2024-10-30T15:15:11.744Z');
    const closed = await ticketOf('F-2');
    expect([closed.created_at, closed.solved_at, closed.closed_at].map((date: Date) => date.toISOString())).toEqual([
      '2024-10-30T13:15:11.500Z',
      '2024-10-31T09:00:00.123Z',
      '2024-11-02T10:00:00.000Z',
    ]);
    // Its timeline begins at its original time (a closed ticket gets no workflow to write one).
    const [created] = await system.dataSource.query(`SELECT type, occurred_at FROM ticket_events WHERE ticket_id = $1 AND sequence = 1`, [closed.id]);
    expect([created.type, created.occurred_at.toISOString()]).toEqual(['created', '2024-10-30T13:15:11.500Z']);
  });

  it('files the tickets under a customer for the default requester email', async () => {
    const customers = await system.dataSource.query(`SELECT id, email, import_run_id FROM customers`);
    expect(customers).toEqual([{ id: expect.any(String), email: 'placeholder@import.invalid', import_run_id: runId }]);
    expect((await ticketOf('F-1')).customer_id).toBe(customers[0].id);
    expect((await ticketOf('F-2')).customer_id).toBe(customers[0].id);
  });

  it("keeps a malformed row's raw line in its reject, and names a failed field's reason", async () => {
    const result = await system.graphql<{ migrationRun: { rejects: Array<Record<string, unknown>> } }>(
      `query($id: ID!) { migrationRun(id: $id) { rejects(first: 10) { phase recordType sourceId line reason detail sourceRecord } } }`,
      { id: runId },
      operator,
    );
    expect(result.data!.migrationRun.rejects).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ phase: 'open_tickets', recordType: 'ticket', sourceId: 'line-5', line: 5, reason: 'malformed_row', sourceRecord: { raw: 'F-4,2024-10-01 08:00:00,Open,Low,Email,Too many,x,y,z,extra' } }),
        expect.objectContaining({ phase: 'history', sourceId: 'F-3', reason: 'invalid_date', detail: 'updatedAt: "sometime" is not a date.' }),
      ]),
    );
  });

  it("completes with its open tickets' workflows started, whose live status is the status their row lists", async () => {
    const progress = (await readRun(system, operator, runId)).progress as unknown as { ticketWorkflowsExpected: number; ticketWorkflowsStarted: number };
    expect([progress.ticketWorkflowsStarted, progress.ticketWorkflowsExpected]).toEqual([1, 1]);
    expect((await ticketOf('F-1')).lifecycle_version).toBeGreaterThan(0);
    const list = await system.graphql<{ tickets: { edges: Array<{ node: { id: string; status: string; live: { status: string } } }> } }>(
      `{ tickets(filter: { status: [OPEN] }, first: 10) { edges { node { id status live { status } } } } }`,
      {},
      admin,
    );
    expect(list.data!.tickets.edges.map(({ node }) => [node.status, node.live.status])).toEqual([['OPEN', 'OPEN']]);
  });

  it('applies a policy created after the import when an admin re-applies the policies to open tickets (audited)', async () => {
    expect((await ticketOf('F-1')).sla_policy_id).toBeNull();
    const policy = await system.graphql<{ createSlaPolicy: { id: string } }>(
      CREATE_SLA,
      { input: { name: 'High', targets: [{ priority: 'HIGH', metric: 'RESOLUTION', minutes: 1440, businessHours: false }] } },
      admin,
    );
    expect(policy.errors).toBeUndefined();
    const REAPPLY = `mutation { reapplySlaPolicies { openTickets updated unchanged failed } }`;
    expect((await system.graphql(REAPPLY, {}, operator)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await system.graphql(REAPPLY, {}, admin)).data).toEqual({ reapplySlaPolicies: { openTickets: 1, updated: 1, unchanged: 0, failed: 0 } });
    expect((await ticketOf('F-1')).sla_policy_id).toBe(policy.data!.createSlaPolicy.id);
    const [audit] = await system.dataSource.query(`SELECT actor_user_id, after FROM audit_log WHERE action = 'sla_policy.reapplied'`);
    expect(audit).toEqual({ actor_user_id: adminId, after: { openTickets: 1, updated: 1, unchanged: 0, failed: 0 } });
    // Again: nothing new to apply.
    expect((await system.graphql(REAPPLY, {}, admin)).data).toEqual({ reapplySlaPolicies: { openTickets: 1, updated: 0, unchanged: 1, failed: 0 } });
  });

  it('names a misspelt source column and its mapping line in the preflight, then estimates from the measured batches', async () => {
    const misspelt = exampleMappingText('generic-tickets.mapping.yaml').replace('priority: Priority', 'priority: Priorty');
    const real = migrationFixture('generic-tickets-1k.csv');
    const id = await startRun(system, operator, { sourceSystem: 'csv', files: [real], mapping: misspelt, sourceKey: 'generic', sampleSize: 50 });
    const waiting = await waitForRunStatus(system, operator, id, 'needs_mapping');
    const issues = (waiting.progress as unknown as { preflight: { issues: Array<{ line: number; message: string }> } }).preflight.issues;
    expect(issues).toEqual([
      { line: 14, path: 'types.ticket.fields.priority', message: expect.stringMatching(/^fields\.priority reads column "Priorty", which generic-tickets-1k\.csv does not have \(its columns: Ticket_ID, /) },
    ]);

    const revised = await system.graphql(`mutation($id: ID!, $mapping: String!) { reviseMigrationMapping(id: $id, mapping: $mapping) { id } }`, {
      id,
      mapping: exampleMappingText('generic-tickets.mapping.yaml'),
    }, operator);
    expect(revised.errors).toBeUndefined();
    const sampled = await waitForRunStatus(system, operator, id, 'awaiting_approval');
    // The first run's batches were measured: 1,000 records take some positive number of seconds at that rate.
    expect((sampled.progress as unknown as { preflight: { estimatedSeconds: number | null } }).preflight.estimatedSeconds).toBeGreaterThan(0);
    await signalRun(system, operator, 'cancelMigrationRun', id);
    await until(async () => (await readRun(system, operator, id)).status === 'cancelled');
  });

  it('rolls the run back with the customer it created for the requester email', async () => {
    await signalRun(system, operator, 'rollbackMigrationRun', runId);
    expect(await system.dataSource.query(`SELECT email FROM customers`)).toEqual([]);
    expect(await system.dataSource.query(`SELECT id FROM tickets`)).toEqual([]);
  });
});
