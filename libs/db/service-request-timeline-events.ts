import type { EntityManager } from 'typeorm';

/**
 * A service request's fulfilment puts its steps on the request's timeline beside the ticket workflow's own events
 * (numbered 1, 2, 3…) and the survey's (survey-timeline-events.ts). Each step happens at most once per request (a task
 * once per place in the order), so each has a fixed sequence far above the ticket's and clear of the survey's: no
 * collision with the still-running ticket workflow, and a retried write is a no-op.
 */
const FULFILMENT_SEQUENCE_BASE = 1_000_001_000;
const FULFILMENT_EVENT_OFFSETS = {
  approval_requested: 0,
  approval_escalated: 1,
  approval_approved: 2,
  approval_rejected: 3,
  /** Plus the task's place in the order. */
  fulfilment_task_created: 100,
  /** After every task's, so the timeline (in sequence order) reads approval, tasks, fulfilled. */
  request_fulfilled: 999_999,
} as const;

export type FulfilmentTimelineEvent = keyof typeof FULFILMENT_EVENT_OFFSETS;

export async function recordFulfilmentTimelineEvent(
  db: EntityManager,
  requestId: string,
  event: { type: FulfilmentTimelineEvent; actor: string; occurredAt: string; data: Record<string, unknown>; taskPosition?: number },
): Promise<void> {
  const sequence = FULFILMENT_SEQUENCE_BASE + FULFILMENT_EVENT_OFFSETS[event.type] + (event.taskPosition ?? 0);
  await db.query(
    `INSERT INTO ticket_events (ticket_id, sequence, type, actor, occurred_at, data)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (ticket_id, sequence) DO NOTHING`,
    [requestId, sequence, event.type, event.actor, event.occurredAt, event.data],
  );
}
