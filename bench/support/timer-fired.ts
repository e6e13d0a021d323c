import type { Client } from '@temporalio/client';
import proto from '@temporalio/proto';

// The package is CommonJS: under ESM only its default export is reliable.
const TIMER_FIRED = proto.temporal.api.enums.v1.EventType.EVENT_TYPE_TIMER_FIRED;

/**
 * When the server fired the workflow's last timer (epoch ms), from its history: the lag up to there is the server's
 * (and the timer's start skew), the rest until the workflow saw it is dispatch to a busy worker.
 */
export async function lastTimerFiredAt(client: Client, workflowId: string): Promise<number> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const fired = history.events?.findLast((event) => event.eventType === TIMER_FIRED);
  if (!fired?.eventTime) throw new Error(`${workflowId} has no fired timer`);
  return Number(String(fired.eventTime.seconds)) * 1000 + Math.floor((fired.eventTime.nanos ?? 0) / 1e6);
}
