import { readFileSync } from 'node:fs';
import type { TestSystem } from './test-system.js';
import { exampleMappingPath } from './migration-fixtures.js';

export const START_RUN = `mutation($input: StartMigrationRunInput!) { startMigrationRun(input: $input) { id status } }`;
export const READ_RUN = `query($id: ID!) { migrationRun(id: $id) { id status phase waitingReason report progress } }`;

export interface RunView {
  id: string;
  status: string;
  phase: string | null;
  waitingReason: string | null;
  report: { totals: Record<string, number>; phases?: Record<string, Record<string, number>>; rejectsByReason?: Record<string, number>; merges?: number };
  progress: {
    phases: Array<{ phase: string; counts: Record<string, number>; byType: Record<string, Record<string, number>> }>;
    ticketWorkflowsExpected: number;
    ticketWorkflowsStarted: number;
  } | null;
}

export function exampleMappingText(name: string): string {
  return readFileSync(exampleMappingPath(name), 'utf8');
}

export async function startRun(system: TestSystem, token: string, input: Record<string, unknown>): Promise<string> {
  const result = await system.graphql<{ startMigrationRun: { id: string } }>(START_RUN, { input }, token);
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.startMigrationRun.id;
}

export async function readRun(system: TestSystem, token: string, id: string): Promise<RunView> {
  const result = await system.graphql<{ migrationRun: RunView }>(READ_RUN, { id }, token);
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.migrationRun;
}

/** Polls until a check holds (the run moves on its own worker; an operator's client polls or subscribes the same way). */
export async function until(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await check()); ) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Polls the run through the API until it reaches a status. */
export async function waitForRunStatus(system: TestSystem, token: string, id: string, status: string, timeoutMs?: number): Promise<RunView> {
  let run = await readRun(system, token, id);
  await until(async () => (run = await readRun(system, token, id)).status === status, timeoutMs).catch(() => {
    const tickets = run.progress ? `, ${run.progress.ticketWorkflowsStarted} of ${run.progress.ticketWorkflowsExpected} open tickets' workflows started` : '';
    throw new Error(`run ${id} is ${run.status} (${run.waitingReason ?? ''}) in phase ${run.phase}${tickets}, never ${status}`);
  });
  return run;
}

export async function signalRun(system: TestSystem, token: string, mutation: string, id: string): Promise<void> {
  const result = await system.graphql(`mutation($id: ID!) { ${mutation}(id: $id) { id } }`, { id }, token);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
}
