import type { WorkflowHandle } from '@temporalio/client';

interface StartedAttempt {
  activity: string;
  attempt: number;
  lastFailure: string | null;
}

/** Every started activity attempt in a workflow's history, with its activity type and the failure of the attempt before. */
async function startedAttempts(handle: WorkflowHandle): Promise<StartedAttempt[]> {
  const scheduled = new Map<string, string>();
  const attempts: StartedAttempt[] = [];
  for (const event of (await handle.fetchHistory()).events ?? []) {
    const type = event.activityTaskScheduledEventAttributes?.activityType?.name;
    if (type) scheduled.set(String(event.eventId), type);
    const started = event.activityTaskStartedEventAttributes;
    if (started) {
      attempts.push({
        activity: scheduled.get(String(started.scheduledEventId)) ?? '?',
        attempt: started.attempt ?? 1,
        lastFailure: started.lastFailure?.message ?? null,
      });
    }
  }
  return attempts;
}

/** Each started attempt of an activity type, with the failure of the attempt before it. */
export async function activityAttempts(handle: WorkflowHandle, activityType: string): Promise<Array<{ attempt: number; lastFailure: string | null }>> {
  return (await startedAttempts(handle)).filter((a) => a.activity === activityType).map(({ attempt, lastFailure }) => ({ attempt, lastFailure }));
}

/** The attempts after the first of any activity (a retry), by activity type. */
export async function retriedActivities(handle: WorkflowHandle): Promise<Array<{ activity: string; attempt: number }>> {
  return (await startedAttempts(handle)).filter((a) => a.attempt > 1).map(({ activity, attempt }) => ({ activity, attempt }));
}

/**
 * The attempts of a local activity, as its marker records them (a workflow task runs local activities and retries
 * them itself: the history holds one marker per activity call, with the attempt that completed it, and no failures).
 */
export async function localActivityAttempts(handle: WorkflowHandle, activityType: string): Promise<number[]> {
  const attempts: number[] = [];
  for (const event of (await handle.fetchHistory()).events ?? []) {
    const marker = event.markerRecordedEventAttributes;
    const data = marker?.details?.data?.payloads?.[0]?.data;
    if (marker?.markerName !== 'core_local_activity' || !data) continue;
    const recorded = JSON.parse(Buffer.from(data).toString('utf8')) as { activityType?: string; activity_type?: string; attempt?: number };
    if ((recorded.activityType ?? recorded.activity_type) === activityType) attempts.push(recorded.attempt ?? 1);
  }
  return attempts;
}
