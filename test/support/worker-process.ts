// The help desk worker as a process of its own, for tests that SIGKILL it and start another (test/faults). Run with
// `node --import tsx test/support/worker-process.ts`; HELPDESK_WORKER_CONFIG holds the test system's config as JSON and
// HELPDESK_WORKER_BUNDLE the path of the run's workflow bundle. Prints "worker ready" once it polls the task queue.
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { readFileSync } from 'node:fs';
import { surveyLinkConfig } from '../../activities/surveys/survey-links.js';
import { createHelpdeskWorker } from '../../apps/worker/create-worker.js';
import { outboundMailSettings, type AppConfig } from '../../libs/config/app-config.js';
import { connectDatabase } from '../../libs/db/connect-database.js';

// A test that dies without killing its worker closes this pipe: the worker must not outlive it and keep polling.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();

const config = JSON.parse(process.env.HELPDESK_WORKER_CONFIG!) as AppConfig & { databaseUrl: string; temporalAddress: string };
Runtime.install({ logger: new DefaultLogger('WARN') });
const dataSource = await connectDatabase(config.databaseUrl);
const connection = await NativeConnection.connect({ address: config.temporalAddress });
const worker = await createHelpdeskWorker({
  connection,
  namespace: config.temporalNamespace,
  taskQueue: config.taskQueue,
  dataSource,
  mail: outboundMailSettings(config),
  surveyLinks: surveyLinkConfig(config),
  maxCachedWorkflows: config.workerMaxCachedWorkflows,
  workflowBundle: { code: readFileSync(process.env.HELPDESK_WORKER_BUNDLE!, 'utf8') },
});
const running = worker.run();
console.log('worker ready');
await running;
await connection.close();
await dataSource.destroy();
