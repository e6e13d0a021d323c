import type { EntityManager } from 'typeorm';

/**
 * Survey events sit on the ticket's timeline beside the ticket workflow's own, which numbers its events 1, 2, 3…; the
 * survey's each happen at most once per ticket, so each has a fixed sequence far above those: no collision with a
 * still-running ticket workflow, and a retried write is a no-op.
 */
const SURVEY_EVENT_SEQUENCES = {
  survey_sent: 1_000_000_001,
  survey_reminded: 1_000_000_002,
  survey_answered: 1_000_000_003,
  survey_expired: 1_000_000_004,
} as const;

export type SurveyTimelineEvent = keyof typeof SURVEY_EVENT_SEQUENCES;

export async function recordSurveyTimelineEvent(
  db: EntityManager,
  ticketId: string,
  type: SurveyTimelineEvent,
  actor: string,
  data: Record<string, unknown>,
): Promise<void> {
  await db.query(
    `INSERT INTO ticket_events (ticket_id, sequence, type, actor, occurred_at, data)
     VALUES ($1, $2, $3, $4, now(), $5) ON CONFLICT (ticket_id, sequence) DO NOTHING`,
    [ticketId, SURVEY_EVENT_SEQUENCES[type], type, actor, data],
  );
}
