import { readConfig } from '../../../libs/config/app-config.js';
import type { MailConnection, ReceivedMail } from '../../../libs/mail/smtp-receiver.js';
import { checkSenderAuthentication } from './inbound-mail-sender-check.js';

const DMARC_FAIL = { 'authentication-results': 'mx.relay.example; dmarc=fail header.from=customer.example' };
const config = { ...readConfig({}), inboundTrustedRelays: ['10.0.0.5'] };

function mailVia(connection: Partial<MailConnection>, headers: Record<string, string> = DMARC_FAIL): ReceivedMail {
  return {
    envelopeFrom: 'ana@customer.example',
    envelopeTo: ['support@example.com'],
    parsed: {} as ReceivedMail['parsed'],
    headers,
    connection: { remoteAddress: '192.0.2.1', authenticatedUser: null, secure: false, ...connection },
  };
}

describe('checking sender authentication at the relay', () => {
  it('ignores the headers from a connection that neither authenticated nor comes from a trusted relay: no verdicts', () => {
    expect(checkSenderAuthentication(mailVia({}), config)).toEqual({ spf: null, dmarc: null });
  });

  it("returns a trusted relay's verdicts on a mail it lets through, for the mail's record", () => {
    const passed = mailVia({ authenticatedUser: 'relay' }, { 'authentication-results': 'mx.relay.example; spf=softfail smtp.mailfrom=customer.example; dmarc=pass' });
    expect(checkSenderAuthentication(passed, config)).toEqual({ spf: 'softfail', dmarc: 'pass' });
  });

  it('refuses with 550 a DMARC fail reported by an authenticated relay or a trusted relay address', () => {
    expect(() => checkSenderAuthentication(mailVia({ authenticatedUser: 'relay' }), config)).toThrow(expect.objectContaining({ responseCode: 550 }));
    expect(() => checkSenderAuthentication(mailVia({ remoteAddress: '10.0.0.5' }), config)).toThrow(expect.objectContaining({ responseCode: 550 }));
  });

  it('refuses an SPF hard fail only with INBOUND_REFUSE_SPF_FAIL', () => {
    const spfFail = mailVia({ remoteAddress: '10.0.0.5' }, { 'received-spf': 'fail (domain does not designate 192.0.2.1)' });
    expect(checkSenderAuthentication(spfFail, config)).toEqual({ spf: 'fail', dmarc: null });
    expect(() => checkSenderAuthentication(spfFail, { ...config, inboundRefuseSpfFail: true })).toThrow(expect.objectContaining({ responseCode: 550 }));
  });
});
