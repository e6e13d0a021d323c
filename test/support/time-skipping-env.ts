import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { addSearchAttributes } from '../../libs/temporal/register-search-attributes.js';
import { resolveTemporalTestServer } from '../../libs/devstack/temporal-binaries.js';

let runtimeInstalled = false;

/** Temporal's time-skipping test server (from the project's install), for workflow tests about time. */
export async function startTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
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
