import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { openTicketUpdate, type NewTicket, type TicketWorkflowInput } from '../../workflows/ticket/ticket.contract.js';
import { workflowBundle } from './test-stack.js';

/** Starts a ticket's workflow and returns once it has written the ticket row (as createTicket does). */
export type StartTicket = (ticket: NewTicket, options?: Partial<TicketWorkflowInput>) => Promise<WorkflowHandle>;

/** Runs `body` with a worker of these activities on a fresh task queue of the time-skipping server. */
export async function withTicketWorker(env: TestWorkflowEnvironment, activities: object, body: (start: StartTicket) => Promise<void>): Promise<void> {
  const taskQueue = `ticket-${randomUUID()}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: workflowBundle(), activities });
  await worker.runUntil(
    body(async (ticket, options = {}) => {
      const handle = await env.client.workflow.start('ticketWorkflow', {
        workflowId: `ticket:${ticket.id}`,
        taskQueue,
        args: [{ ticket, ...options } satisfies TicketWorkflowInput],
      });
      await handle.executeUpdate(openTicketUpdate);
      return handle;
    }),
  );
}

/** Polls a condition that another workflow's signal makes true (a real wait of milliseconds, not a timer). */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await check()); ) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Waits until a run has ended without letting the time-skipping server skip time, as `result()` would: the other runs'
 * timers would then fire, and a task that cancels a timer which fired while it was with the worker is refused by that
 * server ("invalid history builder state for action"), which strands the run (temporalio/sdk-java#3088).
 */
export async function waitForEnd(handle: WorkflowHandle): Promise<void> {
  await waitUntil(async () => (await handle.describe()).status.name !== 'RUNNING');
}

/**
 * Saves the run's history as a replay fixture (workflows/ticket/ticket.replay.spec.ts) when RECORD_TICKET_HISTORIES is
 * set and the fixture does not exist yet. Old fixtures stay: they prove runs started by older code still replay (`patched`).
 */
export async function recordHistory(handle: { fetchHistory(): Promise<unknown> }, name: string): Promise<void> {
  const file = new URL(`../../workflows/ticket/histories/${name}.json`, import.meta.url);
  if (!process.env.RECORD_TICKET_HISTORIES || existsSync(file)) return;
  writeFileSync(file, JSON.stringify(await handle.fetchHistory(), null, 1));
}
