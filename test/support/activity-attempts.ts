import type { WorkflowHandle } from '@temporalio/client';

/** Each started attempt of an activity type in a workflow's history, with the failure of the attempt before it. */
export async function activityAttempts(handle: WorkflowHandle, activityType: string): Promise<Array<{ attempt: number; lastFailure: string | null }>> {
  const events = (await handle.fetchHistory()).events ?? [];
  const scheduled = new Set(
    events.filter((event) => event.activityTaskScheduledEventAttributes?.activityType?.name === activityType).map((event) => String(event.eventId)),
  );
  return events
    .filter((event) => scheduled.has(String(event.activityTaskStartedEventAttributes?.scheduledEventId)))
    .map((event) => ({
      attempt: event.activityTaskStartedEventAttributes!.attempt ?? 0,
      lastFailure: event.activityTaskStartedEventAttributes!.lastFailure?.message ?? null,
    }));
}
