import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../../libs/devstack/free-port.js';
import { startTemporalDevServer, type RunningTemporal } from '../../libs/devstack/temporal-dev-server.js';
import { ticketWorkflowId } from '../../workflows/ticket/ticket.contract.js';
import { CREATE_SLA, REPLY, dataOf, metricOf, ms, waitForTicket, type SlaTicket } from '../support/sla.js';
import { installTestRuntime, startTestSystem, type TestSystem } from '../support/test-system.js';
import { CREATE_TICKET, newTicket, ticketRowCount } from '../support/tickets.js';

// Fault matrix row 1 (README): the Temporal server stops for 30 s and comes back on the same SQLite file and port, while
// the API, the worker and PostgreSQL (the run's) keep running. Tickets are created with a 1-minute 24x7 first-reply and
// resolution target; the server is stopped once their 75 % warning (45 s in) is recorded, so both deadlines (60 s) fall
// inside the outage. During it createTicket and replyToTicket must answer SERVICE_UNAVAILABLE within a bound and write
// nothing; after it every ticket acknowledged before is there with its running workflow, and each breach due in the
// outage is recorded exactly once per metric.

const OUTAGE_MS = 30_000;
/** The bound a caller waits for SERVICE_UNAVAILABLE while Temporal is down (the client's own gRPC retries give up first). */
const ANSWER_BOUND_MS = 25_000;
const TICKETS = 3;
const METRICS = ['FIRST_REPLY', 'RESOLUTION'] as const;

describe('Temporal server stopped 30 s and restarted on the same database file', () => {
  let dataDir: string;
  let port: number;
  let temporal: RunningTemporal | undefined;
  let system: TestSystem | undefined;

  const startTemporal = async (): Promise<RunningTemporal> =>
    (temporal = await startTemporalDevServer({ port, dbFilename: join(dataDir, 'temporal.db') }));

  beforeAll(async () => {
    installTestRuntime();
    dataDir = mkdtempSync(join(tmpdir(), 'helpdesk-temporal-outage-'));
    port = await freePort();
    await startTemporal();
    // The run's PostgreSQL (a fresh database), this file's own Temporal server.
    system = await startTestSystem({ temporalAddress: temporal!.address, taskQueue: `temporal-outage-${randomBytes(4).toString('hex')}` });
  }, 60_000);
  afterAll(async () => {
    await system?.stop();
    await temporal?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('answers SERVICE_UNAVAILABLE quickly, loses no acknowledged ticket and detects each breach due in the outage once', async () => {
    const sys = system!;
    const { token: admin } = await sys.signIn(['admin']);
    const { token: agent } = await sys.signIn(['agent']);
    dataOf(
      await sys.graphql(
        CREATE_SLA,
        {
          input: {
            name: 'One-minute urgent',
            conditions: { priorities: ['URGENT'] },
            targets: METRICS.map((metric) => ({ priority: 'URGENT', metric, minutes: 1, businessHours: false })),
            warningThresholds: [75],
          },
        },
        admin,
      ),
    );

    // Intake before the outage: every one of these was acknowledged (the API answered with the ticket).
    const acknowledged: Array<{ id: string; createdAt: string }> = [];
    for (let i = 0; i < TICKETS; i += 1) {
      const created = await sys.graphql(CREATE_TICKET, { input: newTicket({ subject: `Before the outage ${i}`, priority: 'URGENT', idempotencyKey: `before-${i}` }) }, agent);
      acknowledged.push(dataOf(created).createTicket);
    }
    const runIds = new Map<string, string>();
    for (const { id } of acknowledged) runIds.set(id, (await sys.temporal.workflow.getHandle(ticketWorkflowId(id)).describe()).runId);

    // Wait (on the workflows' own timers) until every ticket has its 75 % warnings: the deadlines are 15 s away.
    const warned: SlaTicket[] = [];
    for (const { id } of acknowledged) {
      warned.push(
        await waitForTicket(sys, id, agent, `warnings of ${id}`, (t) => METRICS.every((m) => t.timeline.some((e) => e.type === 'sla_warning' && e.data.metric === m.toLowerCase())), 70_000),
      );
    }
    const deadlines = warned.flatMap((t) => METRICS.map((m) => ms(metricOf(t, m).deadline!)));
    const ticketsBefore = await ticketRowCount(sys.dataSource);
    const messagesBefore = Number((await sys.dataSource.query('SELECT count(*) AS count FROM ticket_messages'))[0].count);

    // The outage: only the Temporal server stops.
    await temporal!.stop();
    temporal = undefined;
    const stoppedAt = Date.now();
    expect(Math.max(...deadlines)).toBeGreaterThan(stoppedAt); // every deadline falls inside the outage

    const timed = async (call: () => Promise<{ status: number; body: any }>) => {
      const start = Date.now();
      const { body } = await call();
      return { ms: Date.now() - start, codes: (body.errors ?? []).map((e: any) => e.extensions?.code), data: body.data };
    };
    const [intake, reply] = await Promise.all([
      timed(() => sys.graphqlHttp(CREATE_TICKET, { input: newTicket({ subject: 'During the outage', priority: 'URGENT', idempotencyKey: 'during' }) }, agent)),
      timed(() => sys.graphqlHttp(REPLY, { input: { ticketId: acknowledged[0].id, body: 'Sent while Temporal is down.' } }, agent)),
    ]);
    console.log(`temporal-outage: createTicket answered ${intake.codes} in ${intake.ms} ms, replyToTicket ${reply.codes} in ${reply.ms} ms`);
    expect({ intake: intake.codes, reply: reply.codes }).toEqual({ intake: ['SERVICE_UNAVAILABLE'], reply: ['SERVICE_UNAVAILABLE'] });
    expect(intake.data).toBeNull();
    expect(intake.ms).toBeLessThan(ANSWER_BOUND_MS);
    expect(reply.ms).toBeLessThan(ANSWER_BOUND_MS);
    // Nothing half-way: no ticket row (its workflow could not start), no stored reply (its workflow never heard of it).
    expect(await ticketRowCount(sys.dataSource)).toBe(ticketsBefore);
    expect(Number((await sys.dataSource.query('SELECT count(*) AS count FROM ticket_messages'))[0].count)).toBe(messagesBefore);

    // The outage itself is the one fixed wait; then the server comes back on the same file and port.
    await sleep(Math.max(0, stoppedAt + OUTAGE_MS - Date.now()));
    const restartAt = Date.now();
    expect(Math.max(...deadlines)).toBeLessThan(restartAt);
    await startTemporal();
    const restartedIn = Date.now() - restartAt;

    // Every breach due in the outage is detected after the restart, exactly once per metric.
    const detectedAfterMs: number[] = [];
    // (`breached` on a metric is computed live from the clock; the timeline is what the workflow recorded.)
    const recorded = (t: SlaTicket, metric: string) => t.timeline.filter((e) => e.type === 'sla_breached' && e.data.metric === metric.toLowerCase());
    for (const [index, { id }] of acknowledged.entries()) {
      const ticket = await waitForTicket(sys, id, agent, `breaches of ${id}`, (t) => METRICS.every((m) => recorded(t, m).length > 0), 60_000);
      expect(ticket.timeline.filter((e) => e.type === 'sla_breached')).toHaveLength(METRICS.length);
      for (const metric of METRICS) {
        const [event] = recorded(ticket, metric);
        // The deadline the clock had before the outage, detected once Temporal was back.
        expect(new Date(event.data.deadline).getTime()).toBe(ms(metricOf(warned[index], metric).deadline!));
        expect(ms(event.data.detectedAt)).toBeGreaterThanOrEqual(restartAt);
        detectedAfterMs.push(ms(event.data.detectedAt) - restartAt);
      }
    }
    // Nothing recorded twice once things settle: re-read after a reply has gone through each workflow.
    for (const { id } of acknowledged) {
      expect((await sys.graphql(REPLY, { input: { ticketId: id, body: 'Back after the outage.' } }, agent)).errors).toBeUndefined();
      const [row] = await sys.dataSource.query(
        "SELECT count(*) FILTER (WHERE type = 'sla_breached') AS breaches, count(*) FILTER (WHERE type = 'created') AS created FROM ticket_events WHERE ticket_id = $1",
        [id],
      );
      expect({ breaches: Number(row.breaches), created: Number(row.created) }).toEqual({ breaches: METRICS.length, created: 1 });
      // The acknowledged ticket is still there, with the same running workflow.
      const description = await sys.temporal.workflow.getHandle(ticketWorkflowId(id)).describe();
      expect({ runId: description.runId, status: description.status.name }).toEqual({ runId: runIds.get(id), status: 'RUNNING' });
    }
    expect(await ticketRowCount(sys.dataSource, 'id = ANY($1)', [acknowledged.map((t) => t.id)])).toBe(TICKETS);

    // The request refused during the outage, sent again, lands once.
    const retried = dataOf(await sys.graphql(CREATE_TICKET, { input: newTicket({ subject: 'During the outage', priority: 'URGENT', idempotencyKey: 'during' }) }, agent));
    expect(await ticketRowCount(sys.dataSource)).toBe(ticketsBefore + 1);
    expect(await ticketRowCount(sys.dataSource, 'id = $1', [retried.createTicket.id])).toBe(1);

    console.log(
      `temporal-outage: outage ${restartAt - stoppedAt} ms, restart ${restartedIn} ms, ${detectedAfterMs.length} breaches (${TICKETS} tickets x ${METRICS.length} metrics) ` +
        `detected ${Math.min(...detectedAfterMs)}–${Math.max(...detectedAfterMs)} ms after the restart began`,
    );
  }, 170_000);
});
