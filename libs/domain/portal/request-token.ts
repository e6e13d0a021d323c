import { createHmac, timingSafeEqual } from 'node:crypto';

// A portal request link's token: `<ticket id>.<expiry, epoch seconds>.<HMAC-SHA256 of both, base64url>`. Whoever holds
// the mailed link may read the request's public conversation and answer it; nothing of it is stored.

export interface RequestTokenClaims {
  ticketId: string;
  /** Epoch ms, whole seconds. */
  expiresAt: number;
}

export type RequestTokenCheck =
  | { ok: true; claims: RequestTokenClaims }
  | { ok: false; reason: 'forged' | 'expired' };

/** How long a mailed link keeps working: long enough for a request's whole life, then the customer asks for a new one. */
export const REQUEST_LINK_VALIDITY_MS = 180 * 24 * 3600 * 1000;

const TICKET_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function signRequestToken(secret: string, claims: RequestTokenClaims): string {
  const payload = `${claims.ticketId}.${Math.floor(claims.expiresAt / 1000)}`;
  return `${payload}.${signature(secret, payload)}`;
}

/** Checks the signature first, so a forged token learns nothing about expiry. */
export function verifyRequestToken(secret: string, token: string, now: number): RequestTokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'forged' };
  const [ticketId, expirySeconds, given] = parts;
  const givenBytes = Buffer.from(given, 'utf8');
  const expectedBytes = Buffer.from(signature(secret, `${ticketId}.${expirySeconds}`), 'utf8');
  if (givenBytes.length !== expectedBytes.length || !timingSafeEqual(givenBytes, expectedBytes)) return { ok: false, reason: 'forged' };
  if (!TICKET_ID.test(ticketId) || !/^\d+$/.test(expirySeconds)) return { ok: false, reason: 'forged' };
  const expiresAt = Number(expirySeconds) * 1000;
  if (expiresAt <= now) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { ticketId, expiresAt } };
}

function signature(secret: string, payload: string): string {
  // Its own label: a survey token signed with a related key can never pass for a request token.
  return createHmac('sha256', secret).update(`helpdesk-portal-request-v1:${payload}`).digest('base64url');
}
