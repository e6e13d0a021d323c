/**
 * The SPF and DMARC verdicts the relay in front of the listener wrote into a mail (RFC 8601 `Authentication-Results`,
 * RFC 7208 `Received-SPF`). Only the first of each header counts: a relay prepends its own above whatever the sender
 * wrote. Whether the relay is to be believed at all is the caller's decision.
 */
export interface SenderAuthentication {
  /** e.g. `pass`, `fail`, `none`; null when the relay reported no DMARC result. */
  dmarc: string | null;
  /** e.g. `pass`, `fail`, `softfail`, `neutral`; null when the relay reported no SPF result. */
  spf: string | null;
}

/** The result words of RFC 8601 (section 2.7) and RFC 7208: anything else in a header is not a verdict. */
const RESULTS = new Set(['pass', 'fail', 'softfail', 'neutral', 'none', 'temperror', 'permerror', 'policy']);

/** Reads the verdicts from header values by lower-cased name (as ReceivedMail.headers holds them). */
export function senderAuthentication(headers: Record<string, string>): SenderAuthentication {
  const results = headers['authentication-results'] ?? '';
  const receivedSpf = /^\s*(\w+)/.exec(headers['received-spf'] ?? '')?.[1];
  return {
    dmarc: methodResult(results, 'dmarc'),
    spf: methodResult(results, 'spf') ?? known(receivedSpf),
  };
}

/** Why a mail with these verdicts is refused, or null: DMARC fail always, an SPF hard fail when asked to. */
export function senderAuthenticationFailure(verdicts: SenderAuthentication, refuseSpfFail: boolean): string | null {
  if (verdicts.dmarc === 'fail') return 'DMARC check failed';
  if (refuseSpfFail && verdicts.spf === 'fail') return 'SPF check failed';
  return null;
}

function methodResult(authenticationResults: string, method: string): string | null {
  const match = new RegExp(`(?:^|[;\\s])${method}\\s*=\\s*(\\w+)`, 'i').exec(authenticationResults);
  return known(match?.[1]);
}

function known(word: string | undefined): string | null {
  const result = word?.toLowerCase();
  return result !== undefined && RESULTS.has(result) ? result : null;
}
