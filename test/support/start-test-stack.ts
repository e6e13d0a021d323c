import { bundleWorkflowCode } from '@temporalio/worker';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevStack } from '../../libs/devstack/dev-stack.js';
import { freePort } from '../../libs/devstack/free-port.js';
import { preloadedWorkflowModules } from '../../libs/temporal/preloaded-workflow-modules.js';
import { workflowsEntryPath } from '../../libs/temporal/workflows-path.js';
import { TEST_STACK_ENV, type TestStackInfo } from './test-stack.js';

/**
 * One PostgreSQL and one Temporal dev server for the whole run (throwaway), and the workflow bundle built once.
 * Publishes where they are through an environment variable the test files inherit; returns how to stop them.
 */
export async function startTestStack(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'helpdesk-test-'));
  const [postgresPort, temporalPort] = [await freePort(), await freePort()];
  const [stack, bundle] = await Promise.all([
    startDevStack({ dataDir: dir, persistent: false, postgresPort, temporalPort, databaseName: 'postgres' }),
    bundleWorkflowCode({ workflowsPath: workflowsEntryPath(), preloadModules: preloadedWorkflowModules(), logger: quietBundlerLogger }),
  ]);
  const workflowBundlePath = join(dir, 'workflow-bundle.js');
  writeFileSync(workflowBundlePath, bundle.code);
  const info: TestStackInfo = { adminUrl: stack.databaseUrl, temporalAddress: stack.temporalAddress, workflowBundlePath };
  const infoFile = join(dir, 'stack.json');
  writeFileSync(infoFile, JSON.stringify(info));
  process.env[TEST_STACK_ENV] = infoFile;
  return async () => {
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}

const quietBundlerLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};
