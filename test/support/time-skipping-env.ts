import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { addSearchAttributes } from '../../libs/temporal/register-search-attributes.js';
import { resolveTemporalTestServer } from '../../libs/devstack/temporal-binaries.js';

let runtimeInstalled = false;

/** Temporal's time-skipping test server (from the project's install), for workflow tests about time. */
async function startTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    runtimeInstalled = true;
  }
  const path = resolveTemporalTestServer();
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: path ? { executable: { type: 'existing-path', path } } : undefined,
  });
  await addSearchAttributes(env.connection, env.namespace ?? 'default');
  return env;
}

/**
 * A fresh time-skipping server for each test of the calling block, handed to `use`. With one server per file, what a
 * test left behind (a task still in flight when its worker stopped) could hold the shared clock, so a later test's
 * `env.sleep` ran in real time and timed out; a server per test costs about 0.13 s (the first in a file 0.7 s).
 */
export function timeSkippingEnvPerTest(use: (env: TestWorkflowEnvironment) => void): void {
  let env: TestWorkflowEnvironment | undefined;
  beforeEach(async () => {
    env = await startTimeSkippingEnv();
    use(env);
  });
  afterEach(async () => {
    await env?.teardown();
    env = undefined;
  });
}
