import { userError } from '../common/user-error.js';

/** Keyset position in the newest-first ticket list: (createdAt, id). Opaque to clients. */
export interface TicketCursor {
  createdAt: Date;
  id: string;
}

export function encodeTicketCursor({ createdAt, id }: TicketCursor): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');
}

export function decodeTicketCursor(cursor: string): TicketCursor {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(iso);
  if (!id || Number.isNaN(createdAt.getTime())) throw userError('BAD_USER_INPUT', 'after is not a cursor this API returned.');
  return { createdAt, id };
}
