import { freePort } from '../../libs/devstack/free-port.js';
import { startTemporalDevServer, type RunningTemporal } from '../../libs/devstack/temporal-dev-server.js';
import { installTestRuntime } from './test-system.js';

/**
 * A Temporal dev server (in memory) for one spec file alone. For the specs that run a 1,000-ticket migration: on the
 * run's shared server such a run twice did not complete in minutes (alone: under one). The suspect, not proven: its 572
 * imported tickets' workflows are thousands of writes to the dev server's single SQLite connection, queued behind
 * whatever the other spec files have running there.
 */
export async function startOwnTemporal(): Promise<RunningTemporal> {
  installTestRuntime(); // before the server's environment would install the SDK's default runtime
  return startTemporalDevServer({ port: await freePort() });
}
