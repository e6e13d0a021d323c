import { isUUID } from 'class-validator';
import { userError } from '../common/user-error.js';
import { SORT_COLUMNS, SORT_DIRECTIONS, TICKET_SORT_KEYS, type TicketOrder, type TicketSortKey } from './ticket-sort.js';

// Exactly what sortKeySql writes: four-digit years only, so the value is one PostgreSQL can compare.
const TIMESTAMP_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const RANK_KEY = /^[1-4]$/;

/** Keyset position in the ticket list: the order it was taken in, the row's sort key (as text) and its id. Opaque to clients. */
export interface TicketCursor extends TicketOrder {
  key: string;
  id: string;
}

export function encodeTicketCursor({ by, direction, key, id }: TicketCursor): string {
  return Buffer.from(`${by}|${direction}|${key}|${id}`).toString('base64url');
}

/** Checked in full: a malformed key or id would otherwise reach PostgreSQL and fail there as an internal error. */
export function decodeTicketCursor(cursor: string, order: TicketOrder): TicketCursor {
  const [by, direction, key, id, ...rest] = Buffer.from(cursor, 'base64url').toString().split('|');
  const known = TICKET_SORT_KEYS.includes(by as TicketSortKey) && SORT_DIRECTIONS.includes(direction as TicketOrder['direction']);
  if (!known || rest.length > 0 || !isKeyOf(by as TicketSortKey, key) || !id || !isUUID(id)) {
    throw userError('BAD_USER_INPUT', 'after is not a cursor this API returned.');
  }
  if (by !== order.by || direction !== order.direction) {
    throw userError('BAD_USER_INPUT', 'after was returned for another orderBy; start again from the first page.');
  }
  return { ...order, key, id };
}

function isKeyOf(by: TicketSortKey, key: string | undefined): key is string {
  if (key === undefined) return false;
  if (SORT_COLUMNS[by].type === 'smallint') return RANK_KEY.test(key);
  // Not every well-shaped text is a date (month 13); the next deadline has `infinity` for tickets with none.
  return (key === 'infinity' && by === 'sla_deadline') || (TIMESTAMP_KEY.test(key) && !Number.isNaN(Date.parse(key)));
}
