import { dataOf } from '../support/graphql-responses.js';
import { migrationFixture } from '../support/migration-fixtures.js';
import { exampleMappingText, startRun, waitForRunStatus } from '../support/migration-runs.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const UNLINK = `mutation($input: UnlinkIncidentFromProblemInput!) { unlinkIncidentFromProblem(input: $input) { id problem { id } } }`;
const PROBLEM = `query($id: ID!) { ticket(id: $id) { type incidentCount repeatedIncidents: repeatedIncidentCount incidents { id subject problem { id } } } }`;

// Zendesk's problem_id on the real stack: an incident whose problem is in the export is imported linked to it (even
// when listed before it), one whose problem is not is rejected as a dangling reference, and the problem's incident
// count reads the links.
describe('migrating Zendesk problems and their incidents', () => {
  let system: TestSystem;
  let operator: string;
  let agent: string;

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: operator } = await system.signIn(['migration_operator']));
    ({ token: agent } = await system.signIn(['agent']));
  });
  afterAll(() => system.stop());

  const importFixture = async (sourceKey: string, batchSize?: number) => {
    const runId = await startRun(system, operator, {
      sourceSystem: 'zendesk',
      sourceKey,
      files: [migrationFixture('zendesk-problems.ndjson')],
      mapping: exampleMappingText('zendesk.mapping.yaml'),
      sampleSize: 0,
      maxRejectRate: 1,
      ...(batchSize && { batchSize }),
    });
    return { runId, run: await waitForRunStatus(system, operator, runId, 'completed') };
  };
  const importedTickets = (runId: string) =>
    system.dataSource.query<Array<{ source_id: string; id: string; type: string; problem_source_id: string | null }>>(
      `SELECT m.source_id, t.id, t.type, pm.source_id AS problem_source_id
         FROM tickets t JOIN migration_id_map m ON m.record_type = 'ticket' AND m.target_id = t.id::text
         LEFT JOIN migration_id_map pm ON pm.record_type = 'ticket' AND pm.target_id = t.problem_id::text
        WHERE t.import_run_id = $1 ORDER BY m.source_id`,
      [runId],
    );

  it('links the incidents to their problem and rejects the one whose problem is not in the export', async () => {
    const { runId, run } = await importFixture('zendesk-problems');
    // A requester, a problem, two incidents linked to it; the incident pointing at ticket 999 rejected.
    expect(run.report.totals).toEqual({ read: 5, imported: 4, updated: 0, rejected: 1, skipped: 0 });
    expect(run.report.rejectsByReason).toEqual({ unresolved_reference: 1 });
    const rejects = (
      await system.graphql<{ migrationRun: { rejects: Array<{ sourceId: string; reason: string; detail: string }> } }>(
        `query($id: ID!) { migrationRun(id: $id) { rejects(first: 10) { sourceId reason detail } } }`,
        { id: runId },
        operator,
      )
    ).data!.migrationRun.rejects;
    expect(rejects).toEqual([{ sourceId: '203', reason: 'unresolved_reference', detail: 'problemId 999 is not among the imported tickets.' }]);

    const rows = await importedTickets(runId);
    expect(rows.map(({ source_id, type, problem_source_id }) => [source_id, type, problem_source_id])).toEqual([
      ['200', 'problem', null],
      ['201', 'incident', '200'],
      ['202', 'incident', '200'],
    ]);
    const problem = dataOf(await system.graphql(PROBLEM, { id: rows[0].id }, agent)).ticket;
    expect(problem).toMatchObject({ type: 'PROBLEM', incidentCount: 2, repeatedIncidents: 1 });
    expect(problem.incidents.map((incident: { subject: string; problem: { id: string } }) => [incident.subject, incident.problem.id])).toEqual([
      ['Outlook warns about the mail certificate', rows[0].id],
      ['Phone mail app refuses to connect', rows[0].id],
    ]);

    // The incident's workflow started knowing its link: unlinking it works as for a link made in the help desk.
    const unlinked = await system.graphql(UNLINK, { input: { incidentId: rows[2].id } }, agent);
    expect(dataOf(unlinked).unlinkIncidentFromProblem).toEqual({ id: rows[2].id, problem: null });
    expect(dataOf(await system.graphql(PROBLEM, { id: rows[0].id }, agent)).ticket).toMatchObject({ incidentCount: 1, repeatedIncidents: 0 });
  });

  it('links an incident listed before its problem in an earlier batch once the problem is written', async () => {
    // One record a batch: incident 201 is written before problem 200 is read, and waits for it.
    const { runId, run } = await importFixture('zendesk-problems-batched', 1);
    // The requester is the first run's customer again (merged: skipped).
    expect(run.report.totals).toEqual({ read: 5, imported: 3, updated: 0, rejected: 1, skipped: 1 });
    const rows = await importedTickets(runId);
    expect(rows.map(({ source_id, problem_source_id }) => [source_id, problem_source_id])).toEqual([
      ['200', null],
      ['201', '200'],
      ['202', '200'],
    ]);
    expect(await system.dataSource.query(`SELECT count(*)::int AS n FROM migration_pending_problem_links`)).toEqual([{ n: 0 }]);
    expect(dataOf(await system.graphql(PROBLEM, { id: rows[0].id }, agent)).ticket).toMatchObject({ incidentCount: 2, repeatedIncidents: 1 });
    // Its facts were refreshed with the link: the incident counts as linked in the reports.
    expect(await system.dataSource.query(`SELECT problem_id FROM ticket_report_facts WHERE ticket_id = $1`, [rows[1].id])).toEqual([{ problem_id: rows[0].id }]);
  });
});
