import { WithStartWorkflowOperation } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pingUpdate, type updateRoundTripWorkflow } from '../workflows/update-round-trip.workflow.js';
import type { BenchStack } from './bench-stack.js';
import { runBounded } from './run-bounded.js';

const TASK_QUEUE = 'bench-update-round-trip';

/** A second worker in the same process, on its own task queue, running only the trivial update workflow. */
export async function startUpdateRoundTripWorker(bench: BenchStack): Promise<void> {
  const compiled = fileURLToPath(new URL('../workflows/update-round-trip.workflow.js', import.meta.url));
  const worker = await Worker.create({
    connection: bench.workerConnection,
    namespace: bench.namespace,
    taskQueue: TASK_QUEUE,
    // The compiled file under dist/, or the source when run through tsx.
    workflowsPath: existsSync(compiled) ? compiled : compiled.replace(/\.js$/, '.ts'),
  });
  bench.runWorker(worker);
}

/**
 * Runs `count` update-with-start round trips of the trivial workflow, as createTicket does for a ticket (same call,
 * same conflict policy), `concurrency` at a time; returns each one's duration in ms.
 */
export function measureUpdateRoundTrips(bench: BenchStack, count: number, concurrency: number): Promise<number[]> {
  return runBounded(count, concurrency, (index) =>
    bench.client.workflow.executeUpdateWithStart(pingUpdate, {
      updateId: 'ping',
      startWorkflowOperation: new WithStartWorkflowOperation<typeof updateRoundTripWorkflow>('updateRoundTripWorkflow', {
        workflowId: `update-round-trip-${index}`,
        taskQueue: TASK_QUEUE,
        workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    }),
  );
}
