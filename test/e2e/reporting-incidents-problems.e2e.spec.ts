import { randomBytes } from 'node:crypto';
import { waitFor } from '../../libs/devstack/wait-for.js';
import { dataOf } from '../support/graphql-responses.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { CREATE_TICKET, newTicket } from '../support/tickets.js';

const LINK = `mutation($input: LinkIncidentToProblemInput!) { linkIncidentToProblem(input: $input) { id } }`;
const SOLVE = `mutation($input: SolveProblemInput!) { solveProblem(input: $input) { id status } }`;
const REPORT = `query($filter: ReportFilterInput!, $metrics: [ReportMetric!]!, $groupBy: ReportGrouping) {
  helpdeskReport(filter: $filter, metrics: $metrics, groupBy: $groupBy) {
    totals { metric unit value sampleSize median }
    groups { key figures { metric value } } } }`;
const METRICS = [
  'INCIDENTS_CREATED',
  'REPEATED_INCIDENTS',
  'INCIDENT_PROBLEM_LINK_RATE',
  'PROBLEMS_CREATED',
  'UNRESOLVED_PROBLEMS',
  'PROBLEM_RESOLUTION_TIME',
  'PROBLEM_RESOLUTION_BUSINESS_TIME',
];

interface Figure {
  metric: string;
  unit: string;
  value: number | null;
  sampleSize: number;
  median: number | null;
}

// The incident and problem KPIs on the real stack: tickets typed, linked and solved through GraphQL and their
// workflows, the figures read back from helpdeskReport (facts refreshed by the workflows' own writes).
describe('incident and problem KPIs in helpdeskReport (real API, PostgreSQL, Temporal)', () => {
  let system: TestSystem;
  let agent: string;
  let supervisor: string;
  const today = () => new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: agent } = await system.signIn(['agent']));
    ({ token: supervisor } = await system.signIn(['supervisor']));
  });
  afterAll(() => system.stop());

  const createTicket = async (type: string, subject: string): Promise<{ id: string }> =>
    dataOf(
      await system.graphql(CREATE_TICKET, { input: newTicket({ type, subject, requesterEmail: `c-${randomBytes(3).toString('hex')}@customer.example` }) }, agent),
    ).createTicket;
  const report = async (metrics: string[], extra: Record<string, unknown> = {}, groupBy = 'NONE') =>
    dataOf(await system.graphql(REPORT, { filter: { from: today(), to: today(), timeZone: 'UTC', ...extra }, metrics, groupBy }, supervisor)).helpdeskReport as {
      totals: Figure[];
      groups: Array<{ key: string; figures: Array<{ metric: string; value: number | null }> }>;
    };

  it('counts incidents, repeated and linked ones, problems created and unresolved, and problem resolution times', async () => {
    const solvedProblem = await createTicket('PROBLEM', 'Mail certificate expired');
    const openProblem = await createTicket('PROBLEM', 'VPN drops every hour');
    // Created in this order: the first incident linked to each problem is not a repeat, the later ones are.
    const first = await createTicket('INCIDENT', 'Outlook warns about the certificate');
    const second = await createTicket('INCIDENT', 'Phone mail fails');
    const third = await createTicket('INCIDENT', 'Thunderbird refuses to connect');
    const vpn = await createTicket('INCIDENT', 'VPN dropped');
    await createTicket('INCIDENT', 'Printer jammed'); // linked to nothing
    await createTicket('QUESTION', 'How do I reset my password?');
    for (const [incident, problem] of [[first, solvedProblem], [second, solvedProblem], [third, solvedProblem], [vpn, openProblem]]) {
      dataOf(await system.graphql(LINK, { input: { incidentId: incident.id, problemId: problem.id } }, agent));
    }
    const solved = dataOf(await system.graphql(SOLVE, { input: { problemId: solvedProblem.id, replyToIncidents: 'Fixed: the certificate was renewed.' } }, agent));
    expect(solved.solveProblem.status).toBe('SOLVED');

    const figures = await waitFor('the facts of every link and solve', async () => {
      const { totals } = await report(METRICS);
      const byMetric = Object.fromEntries(totals.map((figure) => [figure.metric, figure]));
      if (byMetric.INCIDENT_PROBLEM_LINK_RATE.value !== 4 / 5 || byMetric.PROBLEM_RESOLUTION_TIME.sampleSize !== 1) throw new Error('not yet');
      return byMetric;
    }, 30_000);
    expect(figures.INCIDENTS_CREATED).toMatchObject({ unit: 'TICKETS', value: 5 });
    // The certificate problem's second and third incidents; the VPN problem has one only.
    expect(figures.REPEATED_INCIDENTS).toMatchObject({ value: 2 });
    expect(figures.INCIDENT_PROBLEM_LINK_RATE).toMatchObject({ unit: 'RATIO', value: 0.8, sampleSize: 5 });
    expect(figures.PROBLEMS_CREATED).toMatchObject({ value: 2 });
    expect(figures.UNRESOLVED_PROBLEMS).toMatchObject({ value: 1 });
    expect(figures.PROBLEM_RESOLUTION_TIME).toMatchObject({ unit: 'MINUTES', sampleSize: 1 });
    expect(figures.PROBLEM_RESOLUTION_TIME.value).toBeGreaterThanOrEqual(0);
    expect(figures.PROBLEM_RESOLUTION_TIME.value).toBeLessThan(10);
    expect(figures.PROBLEM_RESOLUTION_BUSINESS_TIME).toMatchObject({ sampleSize: 1 });

    // The type filter narrows any metric; the unresolved problems per day are those open at each day's end.
    const incidentsOnly = await report(['TICKETS_CREATED'], { types: ['INCIDENT'] });
    expect(incidentsOnly.totals[0]).toMatchObject({ value: 5 });
    const byDay = await report(['UNRESOLVED_PROBLEMS', 'PROBLEMS_CREATED'], {}, 'DAY');
    expect(byDay.groups).toEqual([{ key: today(), figures: [{ metric: 'UNRESOLVED_PROBLEMS', value: 1 }, { metric: 'PROBLEMS_CREATED', value: 2 }] }]);
    expect(byDay.totals.map((figure) => figure.value)).toEqual([1, 2]);

    // The CSV export reads the same figures and the same filter.
    const query = new URLSearchParams({ from: today(), to: today(), metrics: 'INCIDENTS_CREATED,REPEATED_INCIDENTS', types: 'incident' });
    const response = await fetch(`${system.url}/reports/helpdesk.csv?${query}`, { headers: { authorization: `Bearer ${supervisor}` } });
    expect((await response.text()).trim().split('\r\n').slice(1)).toEqual(['(total),INCIDENTS_CREATED,tickets,5,5,,,', '(total),REPEATED_INCIDENTS,tickets,2,2,,,']);
  });

  it('narrows any metric to tickets holding custom field values, in GraphQL and in the CSV export', async () => {
    const withFields = (fields: Array<{ name: string; value: string }>) =>
      system.graphql(CREATE_TICKET, { input: newTicket({ subject: 'Export fails', fields, requesterEmail: `c-${randomBytes(3).toString('hex')}@customer.example` }) }, agent);
    dataOf(await withFields([{ name: 'product', value: 'Billing, EU' }, { name: 'plan', value: 'Pro' }]));
    dataOf(await withFields([{ name: 'product', value: 'Billing, EU' }, { name: 'plan', value: 'Free' }]));
    dataOf(await withFields([{ name: 'product', value: 'Mobile' }]));

    // Facts are written by each ticket's workflow: wait for the three before reading.
    const billing = await waitFor('the billing tickets counted', async () => {
      const { totals } = await report(['TICKETS_CREATED'], { fields: [{ name: 'product', value: 'Billing, EU' }] });
      if (totals[0].value !== 2) throw new Error(`not yet: ${totals[0].value}`);
      return totals[0];
    }, 30_000);
    expect(billing).toMatchObject({ value: 2 });
    const mobile = await waitFor('the mobile ticket counted', async () => {
      const { totals } = await report(['TICKETS_CREATED'], { fields: [{ name: 'product', value: 'Mobile' }] });
      if (totals[0].value !== 1) throw new Error('not yet');
      return totals[0];
    }, 30_000);
    expect(mobile).toMatchObject({ value: 1 });
    // Every field given must hold.
    const billingPro = await report(['TICKETS_CREATED'], { fields: [{ name: 'product', value: 'Billing, EU' }, { name: 'plan', value: 'Pro' }] });
    expect(billingPro.totals[0]).toMatchObject({ value: 1 });

    const query = new URLSearchParams({ from: today(), to: today(), metrics: 'TICKETS_CREATED', 'field.product': 'Billing, EU', 'field.plan': 'Free' });
    const response = await fetch(`${system.url}/reports/helpdesk.csv?${query}`, { headers: { authorization: `Bearer ${supervisor}` } });
    expect((await response.text()).trim().split('\r\n').slice(1)).toEqual(['(total),TICKETS_CREATED,tickets,1,1,,,']);
    const blankName = await fetch(`${system.url}/reports/helpdesk.csv?${new URLSearchParams({ from: today(), to: today(), metrics: 'TICKETS_CREATED', 'field.': 'x' })}`, {
      headers: { authorization: `Bearer ${supervisor}` },
    });
    expect(blankName.status).toBe(400);
    expect(await blankName.json()).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
