import { senderAuthentication, senderAuthenticationFailure } from './sender-authentication.js';

describe('sender authentication from relay headers', () => {
  it('reads DMARC and SPF from Authentication-Results', () => {
    const headers = {
      'authentication-results': 'mx.relay.example; spf=pass smtp.mailfrom=ana@customer.example; dkim=none; DMARC=Fail (p=reject) header.from=customer.example',
    };
    expect(senderAuthentication(headers)).toEqual({ dmarc: 'fail', spf: 'pass' });
  });

  it('falls back to Received-SPF when Authentication-Results has no SPF result', () => {
    expect(senderAuthentication({ 'received-spf': 'Fail (mx.relay.example: domain does not designate 192.0.2.1) client-ip=192.0.2.1' })).toEqual({
      dmarc: null,
      spf: 'fail',
    });
  });

  it('does not mistake a property value for a method result', () => {
    expect(senderAuthentication({ 'authentication-results': 'mx.relay.example; dkim=pass header.d=mydmarc=fail.example' })).toEqual({ dmarc: null, spf: null });
  });

  it('takes only the result words of RFC 8601 as verdicts, whatever else a header says', () => {
    const headers = { 'authentication-results': `mx.relay.example; spf=${'x'.repeat(5000)}; dmarc=maybe`, 'received-spf': 'SoftFail (sender SPF softfailed)' };
    expect(senderAuthentication(headers)).toEqual({ dmarc: null, spf: 'softfail' });
    expect(senderAuthentication({ 'received-spf': 'Whatever' })).toEqual({ dmarc: null, spf: null });
  });

  it('refuses DMARC fail always, an SPF hard fail only when configured, anything else never', () => {
    expect(senderAuthenticationFailure({ dmarc: 'fail', spf: 'pass' }, false)).toBe('DMARC check failed');
    expect(senderAuthenticationFailure({ dmarc: 'none', spf: 'fail' }, false)).toBeNull();
    expect(senderAuthenticationFailure({ dmarc: 'none', spf: 'fail' }, true)).toBe('SPF check failed');
    expect(senderAuthenticationFailure({ dmarc: 'pass', spf: 'softfail' }, true)).toBeNull();
  });
});
