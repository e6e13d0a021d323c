import { Runtime } from '@temporalio/worker';
import { readConfig, required } from '../../libs/config/app-config.js';
import { temporalSdkTelemetry } from './metrics/temporal-sdk-telemetry.js';
import { runWorker } from './run-worker.js';

// The worker alone (containers, several replicas). The Temporal runtime stops it cleanly on SIGINT and SIGTERM.
const config = readConfig();
try {
  // Installed before anything creates the runtime, for the SDK's metrics exporter (TEMPORAL_METRICS_PORT).
  Runtime.install({ telemetryOptions: temporalSdkTelemetry(config) });
  const worker = await runWorker({
    ...config,
    databaseUrl: required(config.databaseUrl, 'DATABASE_URL'),
    temporalAddress: required(config.temporalAddress, 'TEMPORAL_ADDRESS'),
  });
  console.log(`worker: polling task queue ${config.taskQueue}`);
  await worker.done;
} catch (error) {
  console.error(`worker: ${(error as Error).message}`);
  process.exit(1);
}
