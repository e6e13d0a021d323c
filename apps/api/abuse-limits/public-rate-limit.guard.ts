import { applyDecorators, Inject, Injectable, SetMetadata, UseGuards, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { APP_CONFIG } from '../app-config.token.js';
import { requestOfAny } from '../auth/request-of.js';
import { AbuseCounters } from './abuse-counters.js';
import { clientAddress } from './client-address.js';
import { tooManyRequests } from './too-many-requests.js';

const RATE_LIMIT_GROUP_KEY = 'helpdesk:public-rate-limit-group';

/** Refuses a client address past PUBLIC_RATE_LIMIT requests per window to the handlers of one group. */
@Injectable()
export class PublicRateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly counters: AbuseCounters,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const group = this.reflector.getAllAndOverride<string>(RATE_LIMIT_GROUP_KEY, [context.getHandler(), context.getClass()]);
    const address = clientAddress(requestOfAny(context));
    const waitSeconds = await this.counters.hit(`public:${group}:${address}`, {
      maxRequests: this.config.publicRateLimit,
      windowSeconds: this.config.publicRateWindowSeconds,
    });
    if (waitSeconds !== null) throw tooManyRequests('Too many requests from your address.', waitSeconds);
    return true;
  }
}

/**
 * For endpoints open without login: each client address gets its own allowance per group (e.g. 'portal'), so a
 * flood of searches does not lock the same customer out of the survey.
 */
export const PublicRateLimit = (group: string) => applyDecorators(SetMetadata(RATE_LIMIT_GROUP_KEY, group), UseGuards(PublicRateLimitGuard));
