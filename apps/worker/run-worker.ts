import { outboundMailSettings, type AppConfig } from '../../libs/config/app-config.js';
import { connectDatabase } from '../../libs/db/connect-database.js';
import { backfillTicketReportFacts } from '../../libs/db/reporting/ticket-report-facts.js';
import { connectWorker } from '../../libs/temporal/connect.js';
import { surveyLinkConfig } from '../../activities/surveys/survey-links.js';
import { createHelpdeskWorker } from './create-worker.js';
import { serveMetrics, type MetricsServer } from './metrics/metrics-server.js';
import { createWorkerMetricsRegistry } from './metrics/worker-metrics-registry.js';

export interface RunWorkerConfig extends AppConfig {
  databaseUrl: string;
  temporalAddress: string;
}

export interface RunningWorker {
  /** Settles when the worker stops (after `stop`, or on a fatal error). */
  done: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Connects (failing fast), serves its metrics when WORKER_METRICS_PORT is set, writes missing report facts, and polls
 * the task queue until stopped.
 */
export async function runWorker(config: RunWorkerConfig): Promise<RunningWorker> {
  const surveyLinks = surveyLinkConfig(config);
  const dataSource = await connectDatabase(config.databaseUrl);
  try {
    const connection = await connectWorker(config.temporalAddress);
    const worker = await createHelpdeskWorker({
      connection,
      namespace: config.temporalNamespace,
      taskQueue: config.taskQueue,
      dataSource,
      mail: outboundMailSettings(config),
      maxCachedWorkflows: config.workerMaxCachedWorkflows,
      surveyLinks,
    });
    // Tickets from before reporting existed get their report facts beside the work, not before it.
    const backfill = backfillTicketReportFacts((text, parameters) => dataSource.query(text, parameters), {
      keepGoing: () => worker.getState() === 'RUNNING' || worker.getState() === 'INITIALIZED',
    })
      .then((count) => count > 0 && console.log(`worker: report facts written for ${count} earlier tickets`))
      .catch((error: unknown) => console.error(`worker: report facts backfill stopped: ${(error as Error).message}`));
    let metrics: MetricsServer | undefined;
    if (config.workerMetricsPort !== undefined) {
      metrics = await serveMetrics(createWorkerMetricsRegistry(worker), config.host, config.workerMetricsPort).catch((error: unknown) => {
        throw new Error(`Cannot serve the worker's metrics (WORKER_METRICS_PORT): ${(error as Error).message}`);
      });
    }
    const done = worker.run().finally(async () => {
      await backfill;
      await metrics?.close();
      await connection.close();
      await dataSource.destroy();
    });
    return {
      done,
      stop: async () => {
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await done;
      },
    };
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}
