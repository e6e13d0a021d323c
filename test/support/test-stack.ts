import { readFileSync } from 'node:fs';

/** What the global setup started for this run, shared with every test file through a JSON file. */
export interface TestStackInfo {
  /** Admin connection URL of the run's PostgreSQL cluster. */
  adminUrl: string;
  temporalAddress: string;
  /** The workflow bundle, built once per run. */
  workflowBundlePath: string;
}

export const TEST_STACK_ENV = 'HELPDESK_TEST_STACK_FILE';

export function testStack(): TestStackInfo {
  const file = process.env[TEST_STACK_ENV];
  if (!file) throw new Error(`${TEST_STACK_ENV} is not set: run the tests through jest (its global setup starts the stack).`);
  return JSON.parse(readFileSync(file, 'utf8')) as TestStackInfo;
}

export function workflowBundle(): { code: string } {
  return { code: readFileSync(testStack().workflowBundlePath, 'utf8') };
}
