import type { DataSource } from 'typeorm';
import { LIVE_ROLLOUT_EVENTS_CHANNEL, type LiveRolloutEvent } from '../../libs/db/live-rollout-events.js';
import type { TimelineEntry } from '../../workflows/rollout/rollout.contract.js';

/** Event types that change a decision someone is accountable for: also written to the audit log. */
const AUDITED_TYPES = new Set(['gate_overridden']);

/** The rollout workflow's timeline writes. */
export function createRolloutTimelineActivities({ dataSource }: { dataSource: DataSource }) {
  return {
    /**
     * Appends timeline entries. The workflow numbers them, so a retry inserts nothing twice; each new entry is announced
     * to subscribers on commit and audited when it records an accountable decision.
     */
    async recordRolloutEvents(rolloutId: string, entries: TimelineEntry[]): Promise<void> {
      await dataSource.transaction(async (db) => {
        for (const entry of entries) {
          const inserted: unknown[] = await db.query(
            `INSERT INTO rollout_events (rollout_id, sequence, type, actor, occurred_at, data) VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (rollout_id, sequence) DO NOTHING RETURNING id`,
            [rolloutId, entry.sequence, entry.type, entry.actor, entry.occurredAt, JSON.stringify(entry.data)],
          );
          if (inserted.length === 0) continue;
          if (AUDITED_TYPES.has(entry.type)) {
            await db.query(
              `INSERT INTO audit_log (actor_user_id, action, entity_type, entity_id, before, after, at) VALUES ($1, $2, 'rollout', $3, NULL, $4, $5)`,
              [entry.actor, entry.type, rolloutId, JSON.stringify(entry.data), entry.occurredAt],
            );
          }
          const event: LiveRolloutEvent = { rolloutId, ...entry };
          await db.query('SELECT pg_notify($1, $2)', [LIVE_ROLLOUT_EVENTS_CHANNEL, JSON.stringify(event)]);
        }
      });
    },
  };
}

export type RolloutTimelineActivities = ReturnType<typeof createRolloutTimelineActivities>;
