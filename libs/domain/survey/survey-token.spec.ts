import { signSurveyToken, surveyTokenHash, verifySurveyToken } from './survey-token.js';

const SECRET = 'survey-secret';
const SURVEY_ID = '6f1c2a9e-3b7d-4c55-9a0e-2d1f8b7c6e5a';
const EXPIRES_AT = Date.UTC(2026, 11, 1, 12, 0, 0);
const NOW = EXPIRES_AT - 1000;
const token = signSurveyToken(SECRET, { surveyId: SURVEY_ID, expiresAt: EXPIRES_AT });
const [id, expiry, mac] = token.split('.');

describe('survey tokens', () => {
  it('is the survey id, the expiry in epoch seconds and a base64url signature', () => {
    expect([id, expiry]).toEqual([SURVEY_ID, String(EXPIRES_AT / 1000)]);
    expect(mac).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('signs deterministically (a retry or a reminder re-creates the same token)', () => {
    expect(signSurveyToken(SECRET, { surveyId: SURVEY_ID, expiresAt: EXPIRES_AT })).toBe(token);
  });

  it('accepts its own token until the expiry', () => {
    expect(verifySurveyToken(SECRET, token, NOW)).toEqual({ ok: true, claims: { surveyId: SURVEY_ID, expiresAt: EXPIRES_AT } });
  });

  const otherId = '00000000-0000-4000-8000-000000000000';
  it.each<[string, string, number, 'forged' | 'expired']>([
    ['signed with another secret', signSurveyToken('another-secret', { surveyId: SURVEY_ID, expiresAt: EXPIRES_AT }), NOW, 'forged'],
    ['another survey id under the same signature', `${otherId}.${expiry}.${mac}`, NOW, 'forged'],
    ['a later expiry under the same signature', `${id}.${Number(expiry) + 86400}.${mac}`, NOW, 'forged'],
    ['a truncated signature', `${id}.${expiry}.${mac.slice(0, 20)}`, NOW, 'forged'],
    ['no signature', `${id}.${expiry}`, NOW, 'forged'],
    ['garbage', 'not-a-token', NOW, 'forged'],
    ['empty', '', NOW, 'forged'],
    ['an extra part', `${token}.x`, NOW, 'forged'],
    ['genuine, at the expiry instant', token, EXPIRES_AT, 'expired'],
    ['genuine, a day after the expiry', token, EXPIRES_AT + 86_400_000, 'expired'],
  ])('refuses a token %s as %s', (_case, candidate, now, reason) => {
    expect(verifySurveyToken(SECRET, candidate, now)).toEqual({ ok: false, reason });
  });

  it('keeps a hash that differs per token and is not the token', () => {
    const other = signSurveyToken(SECRET, { surveyId: otherId, expiresAt: EXPIRES_AT });
    expect(surveyTokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(surveyTokenHash(token)).not.toBe(surveyTokenHash(other));
    expect(surveyTokenHash(token)).toBe(surveyTokenHash(token));
  });
});
