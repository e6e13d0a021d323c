import { readConfig } from './app-config.js';

describe('inbound mail security settings', () => {
  it('are off by default: plain SMTP, no AUTH, no trusted relays', () => {
    expect(readConfig({})).toMatchObject({ inboundTls: undefined, inboundSmtpUsers: {}, inboundTrustedRelays: [], inboundRefuseSpfFail: false });
  });

  it('read the TLS files, relay users (user:hash pairs) and trusted relays', () => {
    const config = readConfig({
      INBOUND_TLS_CERT: '/etc/helpdesk/cert.pem',
      INBOUND_TLS_KEY: '/etc/helpdesk/key.pem',
      INBOUND_TLS_REQUIRED: 'true',
      INBOUND_SMTP_USERS: 'relay:scrypt$16384$8$1$c2FsdA==$aGFzaA==, backup:scrypt$16384$8$1$b3RoZXI=$b3RoZXI=',
      INBOUND_TRUSTED_RELAYS: '10.0.0.5, 10.0.0.6',
    });
    expect(config.inboundTls).toEqual({ certPath: '/etc/helpdesk/cert.pem', keyPath: '/etc/helpdesk/key.pem', required: true });
    expect(config.inboundSmtpUsers).toEqual({ relay: 'scrypt$16384$8$1$c2FsdA==$aGFzaA==', backup: 'scrypt$16384$8$1$b3RoZXI=$b3RoZXI=' });
    expect(config.inboundTrustedRelays).toEqual(['10.0.0.5', '10.0.0.6']);
  });

  it('refuse a half-configured TLS, required TLS without a certificate, and a user without a hash', () => {
    expect(() => readConfig({ INBOUND_TLS_CERT: '/etc/helpdesk/cert.pem' })).toThrow('INBOUND_TLS_CERT and INBOUND_TLS_KEY must be set together');
    expect(() => readConfig({ INBOUND_TLS_REQUIRED: 'true' })).toThrow('INBOUND_TLS_REQUIRED needs INBOUND_TLS_CERT and INBOUND_TLS_KEY');
    expect(() => readConfig({ INBOUND_SMTP_USERS: 'relay' })).toThrow('INBOUND_SMTP_USERS must be user:hash pairs');
  });
});
