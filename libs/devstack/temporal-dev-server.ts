import { TestWorkflowEnvironment } from '@temporalio/testing';
import { HELPDESK_SEARCH_ATTRIBUTES } from '../temporal/search-attributes.js';
import { resolveTemporalCli } from './temporal-binaries.js';

export interface TemporalDevServerOptions {
  port: number;
  /** Web UI port; omit for a headless server (tests). */
  uiPort?: number;
  /** SQLite file that keeps workflows across restarts; omit for an in-memory server. */
  dbFilename?: string;
}

export interface RunningTemporal {
  address: string;
  uiUrl?: string;
  stop(): Promise<void>;
}

/** Starts the Temporal CLI dev server with the project's search attributes registered. */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<RunningTemporal> {
  const cli = resolveTemporalCli();
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      // No binary found: the SDK downloads one, which works only on machines with internet.
      executable: cli ? { type: 'existing-path', path: cli } : { type: 'cached-download' },
      ip: '127.0.0.1',
      port: options.port,
      ui: options.uiPort !== undefined,
      uiPort: options.uiPort,
      dbFilename: options.dbFilename,
      log: { format: 'pretty', level: 'error' },
      searchAttributes: HELPDESK_SEARCH_ATTRIBUTES,
    },
  });
  return {
    address: env.address,
    uiUrl: options.uiPort === undefined ? undefined : `http://127.0.0.1:${options.uiPort}`,
    stop: () => env.teardown(),
  };
}
