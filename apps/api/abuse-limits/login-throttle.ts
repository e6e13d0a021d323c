import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { APP_CONFIG } from '../app-config.token.js';
import { AbuseCounters, type FailureLimit } from './abuse-counters.js';
import { tooManyRequests } from './too-many-requests.js';

/**
 * Lockout after repeated failed logins, per account (guessing one password) and per client address (trying many
 * accounts). A locked caller is refused before the password is checked, even a right one, and nothing is counted.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly counters: AbuseCounters,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async assertAllowed(email: string, address: string): Promise<void> {
    const seconds = await this.counters.blockedSeconds([accountKey(email), addressKey(address)]);
    if (seconds !== null) throw tooManyRequests('Too many failed sign-in attempts.', seconds);
  }

  async recordFailure(email: string, address: string): Promise<void> {
    await this.counters.recordFailure(accountKey(email), this.limit(this.config.loginMaxFailuresPerAccount));
    await this.counters.recordFailure(addressKey(address), this.limit(this.config.loginMaxFailuresPerAddress));
  }

  /** The account's count starts over; the address's does not, or one valid account would unlock guessing others. */
  async recordSuccess(email: string): Promise<void> {
    await this.counters.reset(accountKey(email));
  }

  private limit(maxFailures: number): FailureLimit {
    return { maxFailures, windowSeconds: this.config.loginFailureWindowSeconds, lockoutSeconds: this.config.loginLockoutSeconds };
  }
}

function accountKey(email: string): string {
  return `login-account:${email.trim().toLowerCase()}`;
}

function addressKey(address: string): string {
  return `login-address:${address}`;
}
