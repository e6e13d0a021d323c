import type { Client } from '@temporalio/client';

/**
 * A workflow's whole history as searchable text, its payloads decoded (they come base64-encoded, so a plain
 * JSON.stringify would never find a value in them): for asserting what Temporal stores, and what it must not.
 */
export async function workflowHistoryText(temporal: Client, workflowId: string): Promise<string> {
  const { events } = await temporal.workflow.getHandle(workflowId).fetchHistory();
  return JSON.stringify(events, (key, value) => (key === 'data' && typeof value === 'string' ? Buffer.from(value, 'base64').toString('utf8') : value));
}
