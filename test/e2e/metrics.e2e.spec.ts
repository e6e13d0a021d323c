import { DefaultLogger, Runtime } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { TICKET_STATUSES } from '../../libs/domain/tickets/ticket-status.js';
import { serveMetrics, type MetricsServer } from '../../apps/worker/metrics/metrics-server.js';
import { temporalSdkTelemetry } from '../../apps/worker/metrics/temporal-sdk-telemetry.js';
import { createWorkerMetricsRegistry } from '../../apps/worker/metrics/worker-metrics-registry.js';
import { waitFor } from '../../libs/devstack/wait-for.js';
import { freePort, samplesOf, scrapeMetrics, valueOf } from '../support/prometheus-scrape.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { newTicket } from '../support/tickets.js';

const CREATE_TICKET = `mutation MetricsCreateTicket($input: CreateTicketInput!) { createTicket(input: $input) { id } }`;
const REQUESTS = 'helpdesk_graphql_requests_total';
const DURATION = 'helpdesk_graphql_request_duration_seconds';
const OPEN_STATUSES = TICKET_STATUSES.filter((status) => status !== 'closed');
const byStatus = (count: (status: string) => number) => Object.fromEntries(OPEN_STATUSES.map((status) => [status, count(status)]));

describe('Prometheus metrics', () => {
  let system: TestSystem;
  let agent: string;
  let sdkMetricsPort: number;

  beforeAll(async () => {
    // The runtime, with the SDK's exporter, is installed here before the test system's worker would create a quiet one
    // (installTestRuntime keeps a runtime it finds); it shuts down with the system's worker.
    sdkMetricsPort = await freePort();
    Runtime.install({
      logger: new DefaultLogger('WARN'),
      telemetryOptions: temporalSdkTelemetry({ host: '127.0.0.1', temporalMetricsPort: sdkMetricsPort }),
    });
    system = await startTestSystem();
    ({ token: agent } = await system.signIn(['agent']));
  });
  afterAll(() => system.stop());

  async function createTicket(): Promise<string> {
    const { data, errors } = await system.graphql<{ createTicket: { id: string } }>(CREATE_TICKET, { input: newTicket() }, agent);
    expect(errors).toBeUndefined();
    return data!.createTicket.id;
  }

  describe('the API at GET /metrics', () => {
    const scrapeApi = () => scrapeMetrics(`${system.url}/metrics`);

    it('answers without a token, in the text format a Prometheus parser reads, with the process figures', async () => {
      const { contentType, samples } = await scrapeApi();
      expect(contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
      expect(valueOf(samples, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    });

    it('counts each GraphQL operation by name and outcome, and observes its latency, exactly once per request', async () => {
      const before = (await scrapeApi()).samples;

      await createTicket();
      await createTicket();
      // No token: the request runs and fails (FORBIDDEN).
      expect((await system.graphql(CREATE_TICKET, { input: newTicket() })).errors).toHaveLength(1);
      expect((await system.graphql('{ __typename }')).errors).toBeUndefined();
      // Does not parse: no operation to name.
      expect((await system.graphqlHttp('query MetricsBroken {')).status).toBe(400);

      const after = (await scrapeApi()).samples;
      const increase = (labels: Record<string, string>) => valueOf(after, REQUESTS, labels) - valueOf(before, REQUESTS, labels);
      expect(increase({ operation: 'MetricsCreateTicket', outcome: 'success' })).toBe(2);
      expect(increase({ operation: 'MetricsCreateTicket', outcome: 'error' })).toBe(1);
      expect(increase({ operation: 'anonymous', outcome: 'success' })).toBe(1);
      expect(increase({ operation: 'unresolved', outcome: 'error' })).toBe(1);
      expect(samplesOf(after, REQUESTS, { operation: 'MetricsBroken' })).toEqual([]);

      const operation = { operation: 'MetricsCreateTicket' };
      const observed = valueOf(after, `${DURATION}_count`, operation);
      expect(observed - valueOf(before, `${DURATION}_count`, operation)).toBe(3);
      expect(valueOf(after, `${DURATION}_bucket`, { ...operation, le: '+Inf' })).toBe(observed);
      expect(valueOf(after, `${DURATION}_sum`, operation)).toBeGreaterThan(valueOf(before, `${DURATION}_sum`, operation));
    });

    it('reports the open tickets by status as PostgreSQL holds them, every open status included and closed left out', async () => {
      await createTicket();
      const gauge = (await scrapeApi()).samples;
      expect(samplesOf(gauge, 'helpdesk_open_tickets').map((sample) => sample.labels.status).sort()).toEqual([...OPEN_STATUSES].sort());

      // The ticket workflows move on by themselves: compare a scrape with the table once they hold still.
      await waitFor(
        'the open tickets gauge to match the tickets table',
        async () => {
          const rows = await system.dataSource.query<Array<{ status: string; count: string }>>(
            `SELECT status, count(*) AS count FROM tickets GROUP BY status`,
          );
          const { samples } = await scrapeApi();
          const inTable = byStatus((status) => Number(rows.find((row) => row.status === status)?.count ?? 0));
          const scraped = byStatus((status) => valueOf(samples, 'helpdesk_open_tickets', { status }));
          expect(scraped).toEqual(inTable);
          expect(Object.values(scraped).reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);
        },
        10_000,
      );
    });

    it('counts the SLA breaches on the timelines and the rows data migrations handled, from PostgreSQL', async () => {
      const before = (await scrapeApi()).samples;
      const ticketId = await createTicket();
      // Stand-ins for what the ticket workflow and the migration batches write (far from the workflow's sequence numbers).
      for (const sequence of [1_000_001, 1_000_002]) {
        await system.dataSource.query(
          `INSERT INTO ticket_events (ticket_id, sequence, type, actor, occurred_at) VALUES ($1, $2, 'sla_breached', 'system', now())`,
          [ticketId, sequence],
        );
      }
      await system.dataSource.query(
        `INSERT INTO migration_runs (id, source_system, source_key, source, mapping, status, report)
         VALUES ($1, 'csv', 'csv', '{}', '', 'completed', $2)`,
        [randomUUID(), { totals: { read: 10, imported: 6, updated: 2, rejected: 1, skipped: 1 } }],
      );

      const after = (await scrapeApi()).samples;
      expect(valueOf(after, 'helpdesk_sla_breaches_total') - valueOf(before, 'helpdesk_sla_breaches_total')).toBe(2);
      const [{ breaches }] = await system.dataSource.query<Array<{ breaches: string }>>(
        `SELECT count(*) AS breaches FROM ticket_events WHERE type = 'sla_breached'`,
      );
      expect(valueOf(after, 'helpdesk_sla_breaches_total')).toBe(Number(breaches));
      const rows = (result: string) =>
        valueOf(after, 'helpdesk_migration_rows_total', { result }) - valueOf(before, 'helpdesk_migration_rows_total', { result });
      expect({ imported: rows('imported'), updated: rows('updated'), rejected: rows('rejected'), skipped: rows('skipped') }).toEqual({
        imported: 6,
        updated: 2,
        rejected: 1,
        skipped: 1,
      });
    });
  });

  describe('the worker', () => {
    let server: MetricsServer;

    beforeAll(async () => {
      server = await serveMetrics(createWorkerMetricsRegistry(system.worker), '127.0.0.1', 0);
    });
    afterAll(() => server.close());

    it('serves its own registry at /metrics: the process and the workflows it holds in memory', async () => {
      await createTicket();
      const { contentType, samples } = await scrapeMetrics(`http://127.0.0.1:${server.port}/metrics`);
      expect(contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
      expect(valueOf(samples, 'process_resident_memory_bytes')).toBeGreaterThan(0);
      // Ticket workflows run on (and stay cached) after their first task: every ticket of this file is in memory.
      const cached = valueOf(samples, 'helpdesk_worker_cached_workflows');
      const [{ tickets }] = await system.dataSource.query<Array<{ tickets: string }>>(`SELECT count(*) AS tickets FROM tickets`);
      expect(cached).toBeGreaterThanOrEqual(Number(tickets));
      expect(samplesOf(samples, 'helpdesk_worker_in_flight_activities')).toHaveLength(1);
      expect(samplesOf(samples, 'helpdesk_worker_in_flight_workflow_activations')).toHaveLength(1);
      expect((await fetch(`http://127.0.0.1:${server.port}/`)).status).toBe(404);
    });

    it("exports the Temporal SDK's own metrics: workflow and activity task latencies on the worker's task queue", async () => {
      await createTicket();
      const taskQueue = { task_queue: system.config.taskQueue };
      const { samples } = await scrapeMetrics(`http://127.0.0.1:${sdkMetricsPort}/metrics`);
      expect(valueOf(samples, 'temporal_workflow_task_execution_latency_seconds_count', taskQueue)).toBeGreaterThan(0);
      expect(valueOf(samples, 'temporal_activity_execution_latency_seconds_count', taskQueue)).toBeGreaterThan(0);
    });
  });
});
