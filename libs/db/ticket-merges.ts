import type { EntityManager } from 'typeorm';

// A merge is recorded by the duplicate's `merged` timeline event (written in the same transaction that closes it), its
// `data.into` naming the primary; the partial index `ticket_events_merged_into` serves the lookups by primary.

/** Merges chain (a primary may itself be merged later); a chain longer than this is not followed further. */
const MAX_MERGE_CHAIN = 20;

/** The ticket a conversation goes on in: the ticket itself, or the primary at the end of its merges. */
export async function ticketMergedAt(manager: EntityManager, ticketId: string): Promise<string> {
  const [last] = await manager.query<Array<{ id: string }>>(
    `WITH RECURSIVE chain (id, depth) AS (
       SELECT $1::uuid, 0
       UNION ALL
       SELECT (e.data->>'into')::uuid, chain.depth + 1
         FROM chain JOIN ticket_events e ON e.ticket_id = chain.id AND e.type = 'merged'
        WHERE chain.depth < $2
     )
     SELECT id FROM chain ORDER BY depth DESC LIMIT 1`,
    [ticketId, MAX_MERGE_CHAIN],
  );
  return last.id;
}

/** The primary the ticket was merged into, or null. */
export async function mergedIntoOf(manager: EntityManager, ticketId: string): Promise<string | null> {
  const [merge] = await manager.query<Array<{ into: string }>>(
    `SELECT data->>'into' AS into FROM ticket_events WHERE ticket_id = $1 AND type = 'merged' LIMIT 1`,
    [ticketId],
  );
  return merge?.into ?? null;
}

/** The tickets merged into this one, in the order they were merged. */
export async function ticketsMergedInto(manager: EntityManager, primaryTicketId: string): Promise<string[]> {
  const rows = await manager.query<Array<{ ticket_id: string }>>(
    `SELECT ticket_id FROM ticket_events WHERE type = 'merged' AND data->>'into' = $1 ORDER BY occurred_at, ticket_id`,
    [primaryTicketId],
  );
  return rows.map((row) => row.ticket_id);
}
