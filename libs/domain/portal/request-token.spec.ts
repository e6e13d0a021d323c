import { signRequestToken, verifyRequestToken } from './request-token.js';

const SECRET = 'portal-test-secret';
const TICKET_ID = '0b6f6a5e-2f0c-4b8e-9d6a-3c1e2f4a5b6c';
const NOW = Date.parse('2026-12-07T10:00:00Z');
const LATER = NOW + 3600_000;

describe('portal request tokens', () => {
  it('verifies a token it signed and gives back the ticket and the expiry (whole seconds)', () => {
    const token = signRequestToken(SECRET, { ticketId: TICKET_ID, expiresAt: LATER + 999 });
    expect(token.startsWith(`${TICKET_ID}.${LATER / 1000}.`)).toBe(true);
    expect(verifyRequestToken(SECRET, token, NOW)).toEqual({ ok: true, claims: { ticketId: TICKET_ID, expiresAt: LATER } });
  });

  it('signs deterministically, so a retried activity writes the same link', () => {
    expect(signRequestToken(SECRET, { ticketId: TICKET_ID, expiresAt: LATER })).toBe(signRequestToken(SECRET, { ticketId: TICKET_ID, expiresAt: LATER }));
  });

  it('calls a token expired only when its signature holds', () => {
    const token = signRequestToken(SECRET, { ticketId: TICKET_ID, expiresAt: NOW });
    expect(verifyRequestToken(SECRET, token, NOW)).toEqual({ ok: false, reason: 'expired' });
    const [ticketId, , given] = token.split('.');
    expect(verifyRequestToken(SECRET, `${ticketId}.${LATER / 1000}.${given}`, NOW)).toEqual({ ok: false, reason: 'forged' });
  });

  it('refuses another key, another ticket, and malformed tokens as forged', () => {
    const token = signRequestToken(SECRET, { ticketId: TICKET_ID, expiresAt: LATER });
    expect(verifyRequestToken('another-secret', token, NOW)).toEqual({ ok: false, reason: 'forged' });
    const otherTicket = token.replace(TICKET_ID, TICKET_ID.replace('0b6f', '1b6f'));
    for (const bad of [otherTicket, '', 'a.b', 'a.b.c.d', `${token}x`]) {
      expect(verifyRequestToken(SECRET, bad, NOW)).toEqual({ ok: false, reason: 'forged' });
    }
  });
});
