import { isUUID } from 'class-validator';
import { userError } from '../common/user-error.js';

// Exactly what encodeTicketCursor writes: four-digit years only, so the instant is one PostgreSQL can compare.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

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
  // Checked in full: a malformed id or instant would otherwise reach PostgreSQL and fail there as an internal error.
  if (!ISO_INSTANT.test(iso) || Number.isNaN(createdAt.getTime()) || !id || !isUUID(id)) {
    throw userError('BAD_USER_INPUT', 'after is not a cursor this API returned.');
  }
  return { createdAt, id };
}
