import type { Client } from '@temporalio/client';
import type { Logger } from 'typeorm';

/** A TypeORM logger that records every SQL statement while `recording` is on (install with `dataSource.setOptions({ logger })`). */
export class RecordingQueryLogger implements Logger {
  recording = false;
  readonly statements: string[] = [];

  logQuery(query: string): void {
    if (this.recording) this.statements.push(query);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}

  /** The statements `run` made. */
  async during(run: () => Promise<unknown>): Promise<string[]> {
    this.statements.length = 0;
    this.recording = true;
    try {
      await run();
    } finally {
      this.recording = false;
    }
    return [...this.statements];
  }
}

/** Counts the workflow queries made through `client` (every handle it gives out), and the most in flight at once. */
export function countWorkflowQueries(client: Client): { reset(): void; count(): number; peakInFlight(): number; workflowIds(): string[] } {
  const workflowIds: string[] = [];
  let inFlight = 0;
  let peak = 0;
  const getHandle = client.workflow.getHandle.bind(client.workflow);
  client.workflow.getHandle = ((...args: Parameters<typeof getHandle>) => {
    const handle = getHandle(...args);
    const query = handle.query.bind(handle);
    handle.query = (async (...queryArgs: Parameters<typeof query>) => {
      workflowIds.push(args[0]);
      peak = Math.max(peak, ++inFlight);
      try {
        return await query(...queryArgs);
      } finally {
        inFlight--;
      }
    }) as typeof handle.query;
    return handle;
  }) as typeof client.workflow.getHandle;
  return {
    reset: () => {
      workflowIds.length = 0;
      peak = 0;
    },
    count: () => workflowIds.length,
    peakInFlight: () => peak,
    workflowIds: () => [...workflowIds],
  };
}
