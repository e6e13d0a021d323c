import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

// A survey link's token: `<survey id>.<expiry, epoch seconds>.<HMAC-SHA256 of both, base64url>`. Signing is
// deterministic, so a retried activity or a reminder re-creates the same token; the database keeps only its hash.

export interface SurveyTokenClaims {
  surveyId: string;
  /** Epoch ms, whole seconds. */
  expiresAt: number;
}

export type SurveyTokenCheck =
  | { ok: true; claims: SurveyTokenClaims }
  | { ok: false; reason: 'forged' | 'expired' };

const SURVEY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function signSurveyToken(secret: string, claims: SurveyTokenClaims): string {
  const payload = `${claims.surveyId}.${Math.floor(claims.expiresAt / 1000)}`;
  return `${payload}.${signature(secret, payload)}`;
}

/** Checks the signature first, so a forged token learns nothing about expiry. */
export function verifySurveyToken(secret: string, token: string, now: number): SurveyTokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'forged' };
  const [surveyId, expirySeconds, given] = parts;
  const expected = signature(secret, `${surveyId}.${expirySeconds}`);
  const givenBytes = Buffer.from(given, 'utf8');
  const expectedBytes = Buffer.from(expected, 'utf8');
  if (givenBytes.length !== expectedBytes.length || !timingSafeEqual(givenBytes, expectedBytes)) return { ok: false, reason: 'forged' };
  if (!SURVEY_ID.test(surveyId) || !/^\d+$/.test(expirySeconds)) return { ok: false, reason: 'forged' };
  const expiresAt = Number(expirySeconds) * 1000;
  if (expiresAt <= now) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { surveyId, expiresAt } };
}

/** What the database keeps of an issued token. */
export function surveyTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function signature(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`helpdesk-survey-v1:${payload}`).digest('base64url');
}
