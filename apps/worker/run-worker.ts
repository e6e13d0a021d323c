import { outboundMailSettings, type AppConfig } from '../../libs/config/app-config.js';
import { connectDatabase } from '../../libs/db/connect-database.js';
import { connectWorker } from '../../libs/temporal/connect.js';
import { surveyLinkConfig } from '../../activities/surveys/survey-links.js';
import { createHelpdeskWorker } from './create-worker.js';

export interface RunWorkerConfig extends AppConfig {
  databaseUrl: string;
  temporalAddress: string;
}

export interface RunningWorker {
  /** Settles when the worker stops (after `stop`, or on a fatal error). */
  done: Promise<void>;
  stop(): Promise<void>;
}

/** Connects (failing fast) and polls the task queue until stopped. */
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
    const done = worker.run().finally(async () => {
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
