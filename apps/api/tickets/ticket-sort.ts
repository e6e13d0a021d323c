/**
 * The orders the ticket list offers. Each sorts on one column of `tickets` and then on the id, and each has a btree on
 * exactly (column, id) (see the ticket-workspace migration), which serves both directions and the keyset after a cursor.
 */
export const TICKET_SORT_KEYS = ['created_at', 'updated_at', 'sla_deadline', 'priority'] as const;
export type TicketSortKey = (typeof TICKET_SORT_KEYS)[number];
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export interface TicketOrder {
  by: TicketSortKey;
  direction: SortDirection;
}

/** Newest first: the list's order when the caller names none. */
export const DEFAULT_TICKET_ORDER: TicketOrder = { by: 'created_at', direction: 'desc' };

interface SortColumn {
  /** The column sorted on; never null (a generated column stands in where the plain one can be null). */
  column: string;
  /** SQL type of the key, to compare a cursor's key with it. */
  type: 'timestamptz' | 'smallint';
}

/** Priority by rank and the next deadline with "none" as +infinity are generated columns, so keys are never null. */
export const SORT_COLUMNS: Record<TicketSortKey, SortColumn> = {
  created_at: { column: 'created_at', type: 'timestamptz' },
  updated_at: { column: 'updated_at', type: 'timestamptz' },
  sla_deadline: { column: 'sla_deadline_sort', type: 'timestamptz' },
  priority: { column: 'priority_rank', type: 'smallint' },
};

/**
 * The key of a row as the cursor carries it: text PostgreSQL reads back exactly (timestamps to the microsecond, in
 * UTC, `infinity` for no deadline; ranks as digits). Selected alongside the row, so JavaScript's millisecond dates
 * never round it.
 */
export function sortKeySql(alias: string, by: TicketSortKey): string {
  const { column, type } = SORT_COLUMNS[by];
  if (type === 'smallint') return `${alias}.${column}::text`;
  return `CASE WHEN isfinite(${alias}.${column}) THEN to_char(${alias}.${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') ELSE 'infinity' END`;
}
