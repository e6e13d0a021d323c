import { Worker } from '@temporalio/worker';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { timerLagWorkflow } from '../workflows/timer-lag.workflow.js';
import type { BenchStack } from './bench-stack.js';
import { runBounded } from './run-bounded.js';
import { lastTimerFiredAt } from './timer-fired.js';

const TASK_QUEUE = 'bench-timer-lag';

/** The baseline's own bundle: the compiled file under dist/, or the source when run through tsx. */
function workflowsPath(): string {
  const compiled = fileURLToPath(new URL('../workflows/timer-lag.workflow.js', import.meta.url));
  return existsSync(compiled) ? compiled : compiled.replace(/\.js$/, '.ts');
}

/** A second worker in the same process, on its own task queue, running only the bare-timer workflow. */
export async function startTimerLagWorker(bench: BenchStack): Promise<void> {
  const worker = await Worker.create({
    connection: bench.workerConnection,
    namespace: bench.namespace,
    taskQueue: TASK_QUEUE,
    workflowsPath: workflowsPath(),
  });
  bench.runWorker(worker);
}

export interface TimerLag {
  /** When the server fired the timer, behind its due instant. */
  firedLagMs: number;
  /** When the workflow woke (its clock), behind the due instant. */
  wokeLagMs: number;
}

/**
 * Starts one bare timer per instant in `dueAts` (concurrency-bounded), waits until the last is due, then collects how
 * late each one fired and woke. Results are read only afterwards, so no long polls load the server while timers fire.
 */
export async function measureTimerLags(bench: BenchStack, dueAts: number[], concurrency: number): Promise<TimerLag[]> {
  const workflowId = (index: number) => `timer-lag-${index}`;
  await runBounded(dueAts.length, concurrency, (index) =>
    bench.client.workflow.start<typeof timerLagWorkflow>('timerLagWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId: workflowId(index),
      args: [dueAts[index]],
    }),
  );
  await sleep(Math.max(Math.max(...dueAts) - Date.now(), 0));
  const lags = new Array<TimerLag>(dueAts.length);
  await runBounded(dueAts.length, concurrency, async (index) => {
    const wokeLagMs = await bench.client.workflow.getHandle<typeof timerLagWorkflow>(workflowId(index)).result();
    const firedLagMs = (await lastTimerFiredAt(bench.client, workflowId(index))) - dueAts[index];
    lags[index] = { firedLagMs, wokeLagMs };
  });
  return lags;
}
