import { sleep } from '@temporalio/workflow';

// The breach-lag baseline: a bare Temporal timer, nothing else. Bundled on its own (see ../support/timer-lag.ts), so
// the help desk's workflow bundle stays free of benchmark code.

/**
 * Sleeps until `dueAt` (epoch ms) and returns how late it woke. Both instants are read from the workflow clock (the
 * start time of the task that runs the code), as the ticket workflow reads them for `sla_breached`.
 */
export async function timerLagWorkflow(dueAt: number): Promise<number> {
  await sleep(Math.max(dueAt - Date.now(), 1));
  return Date.now() - dueAt;
}
