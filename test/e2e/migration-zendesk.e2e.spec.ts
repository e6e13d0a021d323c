import { jest } from '@jest/globals';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { runMigrateCommand } from '../../apps/cli/migrate.js';
import { exampleMappingPath, migrationFixture } from '../support/migration-fixtures.js';
import { exampleMappingText, readRun, signalRun, startRun, until, waitForRunStatus } from '../support/migration-runs.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

// Zendesk exports with dirty data on the real stack: dangling references and unreadable lines end in the rejects with
// their reason and source record, duplicate emails are merged into one customer and reported, and a batch rejecting
// more than the threshold stops the run for the operator.
describe('migrating Zendesk exports', () => {
  let system: TestSystem;
  let operator: string;
  const mapping = exampleMappingText('zendesk.mapping.yaml');

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: operator } = await system.signIn(['migration_operator']));
  });
  afterAll(() => system.stop());

  const rejects = async (runId: string) =>
    (
      await system.graphql<{ migrationRun: { rejects: Array<{ recordType: string; sourceId: string; line: number; reason: string; sourceRecord: Record<string, unknown> }> } }>(
        `query($id: ID!) { migrationRun(id: $id) { rejects(first: 100) { recordType sourceId line reason sourceRecord } } }`,
        { id: runId },
        operator,
      )
    ).data!.migrationRun.rejects;

  it('merges customers by email, reports every record it could not import, and reconciles', async () => {
    const runId = await startRun(system, operator, {
      sourceSystem: 'zendesk', sourceKey: 'zendesk-dirty', files: [migrationFixture('zendesk-dirty.ndjson')], mapping, sampleSize: 0, maxRejectRate: 1,
    });
    const run = await waitForRunStatus(system, operator, runId, 'completed');
    // 8 lines: an organization, two customers with the same email (one merged), an agent (skipped), two tickets (one
    // whose requester is not in the export), a malformed line, a comment on the imported ticket.
    expect(run.report.totals).toEqual({ read: 8, imported: 4, updated: 0, rejected: 2, skipped: 2 });
    expect(run.report.rejectsByReason).toEqual({ missing_requester: 1, malformed_row: 1 });
    expect(run.report.merges).toBe(1);
    const byLine = (await rejects(runId)).sort((a, b) => a.line - b.line);
    expect(byLine.map(({ recordType, sourceId, line, reason }) => [recordType, sourceId, line, reason])).toEqual([
      ['ticket', '101', 6, 'missing_requester'],
      ['other', 'line-7', 7, 'malformed_row'],
    ]);
    expect(byLine[0].sourceRecord).toMatchObject({ id: 101, requester_id: 999 });

    const customers = await system.dataSource.query(`SELECT email, name, organization_id FROM customers`);
    expect(customers).toEqual([{ email: 'ana@acme.test', name: 'Ana', organization_id: 'zendesk-dirty-1' }]);
    const [ticket] = await system.dataSource.query(
      `SELECT t.requester_email, t.customer_id = c.id AS by_customer, t.organization_id, t.tags, t.type
         FROM tickets t JOIN customers c ON c.email = 'ana@acme.test'`,
    );
    // Ticket 100's requester is user 11, merged into user 10's customer record; its Zendesk type is an incident, kept
    // by its workflow's first write (the run completed only after it).
    expect(ticket).toEqual({ requester_email: 'ana@acme.test', by_customer: true, organization_id: 'zendesk-dirty-1', tags: ['login'], type: 'incident' });
    expect(await system.dataSource.query(`SELECT body, author_type, is_public FROM ticket_messages`)).toEqual([
      { body: 'It says wrong password', author_type: 'customer', is_public: true },
    ]);
  });

  it('stops at the first batch of the real sandbox export that rejects more than the threshold, until approved', async () => {
    const runId = await startRun(system, operator, {
      sourceSystem: 'zendesk', sourceKey: 'zendesk-sandbox', files: [migrationFixture('zendesk-sample.jsonl')], mapping, sampleSize: 0, maxRejectRate: 0.5,
    });
    // Both tickets of the sandbox name requesters the export does not hold.
    const waiting = await waitForRunStatus(system, operator, runId, 'awaiting_approval');
    expect(waiting.phase).toBe('open_tickets');
    expect(waiting.waitingReason).toBe(
      'Phase open tickets, batch 1: 2 of 2 records rejected (100.0 %), above the 50.0 % threshold. Approve to go on, or cancel.',
    );
    expect(await system.dataSource.query(`SELECT count(*)::int AS n FROM tickets WHERE import_run_id = $1`, [runId])).toEqual([{ n: 0 }]);
    await signalRun(system, operator, 'approveMigrationRun', runId);
    // The comments point at ticket 1, which the export does not hold: the history phase stops too.
    await until(async () => (await readRun(system, operator, runId)).phase === 'history');
    const history = await waitForRunStatus(system, operator, runId, 'awaiting_approval');
    expect(history.waitingReason).toMatch(/^Phase history, batch 1: 2 of 2 records rejected/);
    await signalRun(system, operator, 'approveMigrationRun', runId);
    const done = await waitForRunStatus(system, operator, runId, 'completed');
    expect(done.report.totals).toEqual({ read: 15, imported: 4, updated: 0, rejected: 4, skipped: 7 });
    expect(done.report.rejectsByReason).toEqual({ missing_requester: 2, unresolved_reference: 2 });
  });

  it("maps the sandbox tickets' Zendesk type onto the ticket type: question as question, null as the channel's default (the admin's)", async () => {
    const { token: admin } = await system.signIn(['admin']);
    const setDefaults = async (defaultTicketTypes: Array<{ channel: string; type: string }>) => {
      const result = await system.graphql('mutation($input: UpdateHelpdeskSettingsInput!) { updateHelpdeskSettings(input: $input) { autoCloseDays } }', { input: { defaultTicketTypes } }, admin);
      expect(result.errors).toBeUndefined();
    };
    await setDefaults([{ channel: 'PHONE', type: 'INCIDENT' }]);
    // The sandbox's requesters and organizations are not in the export: this run gives every ticket one requester.
    const typed = mapping
      .replaceAll('      requesterId: requester_id\n', '')
      .replaceAll('      organizationId: organization_id\n', '')
      .replace('      description: "(no description)"\n', '      description: "(no description)"\n      requesterEmail: sandbox@example.com\n');
    const runId = await startRun(system, operator, {
      sourceSystem: 'zendesk', sourceKey: 'zendesk-types', files: [migrationFixture('zendesk-sample.jsonl')], mapping: typed, sampleSize: 0, maxRejectRate: 1,
    });
    await waitForRunStatus(system, operator, runId, 'completed');
    await setDefaults([]);
    const rows = await system.dataSource.query(
      `SELECT m.source_id, t.channel, t.type, t.lifecycle_version > 0 AS workflow_wrote
         FROM tickets t JOIN migration_id_map m ON m.record_type = 'ticket' AND m.target_id = t.id::text
        WHERE t.import_run_id = $1 ORDER BY m.source_id`,
      [runId],
    );
    // 125: type "question" (web); 121: type null (voice, so phone): the phone channel's default, set to incident.
    expect(rows).toEqual([
      { source_id: '121', channel: 'phone', type: 'incident', workflow_wrote: true },
      { source_id: '125', channel: 'web', type: 'question', workflow_wrote: true },
    ]);
  });

  it('runs from the operator CLI: start from files and a mapping, follow the progress bars, print the report', async () => {
    const printed: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => Boolean(printed.push(String(chunk))));
    const log = jest.spyOn(console, 'log').mockImplementation((line) => void printed.push(`${String(line)}\n`));
    const cli = (...args: string[]) => runMigrateCommand([...args, '--api', `${system.url}/graphql`, '--token', operator]);
    try {
      await cli('start', '--source', 'freshdesk', '--mapping', exampleMappingPath('freshdesk.mapping.json'), '--sample', '0', '--max-reject-rate', '1',
        migrationFixture('freshdesk-export.json'));
      const output = printed.join('');
      const runId = /run ([0-9a-f-]{36}): completed/.exec(output)?.[1];
      expect(runId).toBeDefined();
      expect(output).toMatch(/customers +\[#{30}\] 3\/3 +\+2 ~0 !1 -0/);
      printed.length = 0;
      await cli('report', runId!);
      expect(printed.join('')).toContain('total            read 9  imported 6  updated 0  rejected 2  skipped 1');
      expect(printed.join('')).toContain('rejected missing_required: 1');
    } finally {
      write.mockRestore();
      log.mockRestore();
    }
  });

  it('pushes a run\'s progress to a graphql-ws subscriber: each status and batch, up to the completed totals', async () => {
    const runId = await startRun(system, operator, {
      sourceSystem: 'freshdesk', sourceKey: 'freshdesk-live', files: [migrationFixture('freshdesk-export.json')], mapping: exampleMappingText('freshdesk.mapping.json'),
      sampleSize: 5, maxRejectRate: 1,
    });
    await waitForRunStatus(system, operator, runId, 'awaiting_approval');
    const client = createClient({ url: `${system.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${operator}` }, retryAttempts: 0 });
    try {
      const subscription = client.iterate<{ migrationProgress: { status: string; phase: string | null; totals: Record<string, number> } }>({
        query: 'subscription($runId: ID!) { migrationProgress(runId: $runId) { status phase totals } }',
        variables: { runId },
      });
      const received: Array<{ status: string; phase: string | null; totals: Record<string, number> }> = [];
      const collecting = (async () => {
        for await (const result of subscription) {
          if (!result.data) throw new Error(JSON.stringify(result.errors));
          received.push(result.data.migrationProgress);
          if (result.data.migrationProgress.status === 'completed') return;
        }
      })();
      await signalRun(system, operator, 'approveMigrationRun', runId);
      await collecting;
      expect(received.filter((event) => event.phase === 'open_tickets').length).toBeGreaterThan(0);
      const { report } = await readRun(system, operator, runId);
      expect(report.totals.read).toBe(9);
      expect(received.at(-1)).toEqual({ status: 'completed', phase: null, totals: report.totals });
      const reads = received.map((event) => event.totals.read);
      expect(reads).toEqual([...reads].sort((a, b) => a - b));
    } finally {
      await client.dispose();
    }
  });
});
