import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { startTemporalDevServer } from './temporal-dev-server.js';

export interface DevStackOptions {
  /** Folder for the PostgreSQL cluster and the Temporal database file. */
  dataDir: string;
  /** Keep data across restarts (the started system) or throw it away (tests, benchmarks). */
  persistent: boolean;
  databaseUrl?: string;
  temporalAddress?: string;
  postgresPort: number;
  temporalPort: number;
  temporalUiPort?: number;
  databaseName: string;
  onLog?: (line: string) => void;
}

export interface DevStack {
  databaseUrl: string;
  temporalAddress: string;
  temporalUiUrl?: string;
  /** Which parts this process started (the rest were given by DATABASE_URL / TEMPORAL_ADDRESS). */
  started: { postgres: boolean; temporal: boolean };
  stop(): Promise<void>;
}

/** Starts whatever the configuration does not point elsewhere: embedded PostgreSQL and the Temporal dev server. */
export async function startDevStack(options: DevStackOptions): Promise<DevStack> {
  mkdirSync(options.dataDir, { recursive: true });
  const stops: Array<() => Promise<void>> = [];
  try {
    let databaseUrl = options.databaseUrl;
    if (!databaseUrl) {
      const postgres = await startEmbeddedPostgres({
        dataDir: join(options.dataDir, 'postgres'),
        port: options.postgresPort,
        persistent: options.persistent,
        onLog: options.onLog,
      });
      stops.push(() => postgres.stop());
      await postgres.createDatabase(options.databaseName);
      databaseUrl = postgres.urlFor(options.databaseName);
    }
    let temporalAddress = options.temporalAddress;
    let temporalUiUrl: string | undefined;
    if (!temporalAddress) {
      const temporal = await startTemporalDevServer({
        port: options.temporalPort,
        uiPort: options.temporalUiPort,
        dbFilename: options.persistent ? join(options.dataDir, 'temporal.db') : undefined,
      });
      stops.push(() => temporal.stop());
      temporalAddress = temporal.address;
      temporalUiUrl = temporal.uiUrl;
    }
    return {
      databaseUrl,
      temporalAddress,
      temporalUiUrl,
      started: { postgres: !options.databaseUrl, temporal: !options.temporalAddress },
      stop: () => stopAll(stops),
    };
  } catch (error) {
    await stopAll(stops);
    throw error;
  }
}

/** Stops in reverse start order; a failing stop does not keep the others running. */
async function stopAll(stops: Array<() => Promise<void>>): Promise<void> {
  for (const stop of [...stops].reverse()) {
    await stop().catch((error: unknown) => console.error('devstack: stop failed:', error));
  }
}
