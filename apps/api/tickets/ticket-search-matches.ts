import type { DataSource } from 'typeorm';
import { normalizeSearchQuery } from '../../../libs/domain/knowledge/search-query.js';

/** Up to this many matches, a search's tickets are read by id; past it, by walking the list's order index. */
export const FEW_SEARCH_MATCHES = 500;

/**
 * The ids of the tickets a search matches (on the ticket or on one of its messages), when there are at most
 * FEW_SEARCH_MATCHES; null when there are more (or the search has no words, which the list refuses). PostgreSQL
 * cannot tell a rare word from a common one (it estimated 5,000 matches for a ticket number that had one), so it
 * walked the whole newest-first index for a rare word (1 s at 1,000,000 tickets): asking the GIN indexes first, and
 * stopping at FEW_SEARCH_MATCHES + 1 rows, costs a few milliseconds either way.
 */
export async function fewSearchMatches(dataSource: DataSource, raw: string): Promise<string[] | null> {
  const search = normalizeSearchQuery(raw);
  if (search === null) return null;
  const rows = await dataSource.query<Array<{ id: string }>>(
    `SELECT s.id FROM tickets s WHERE s.search_vector @@ websearch_to_tsquery('english', $1)
     UNION ALL SELECT m.ticket_id FROM ticket_messages m WHERE m.search_vector @@ websearch_to_tsquery('english', $1)
     LIMIT $2`,
    [search, FEW_SEARCH_MATCHES + 1],
  );
  return rows.length > FEW_SEARCH_MATCHES ? null : [...new Set(rows.map((row) => row.id))];
}
