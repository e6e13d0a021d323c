import { Global, Module } from '@nestjs/common';
import { AbuseCounters } from './abuse-counters.js';
import { AbuseCountersSweeper } from './abuse-counters-sweeper.js';
import { InboundSenderLimit } from './inbound-sender-limit.js';
import { LoginThrottle } from './login-throttle.js';
import { PublicRateLimitGuard } from './public-rate-limit.guard.js';

/** Global, so the public resolvers and controllers of every module can carry @PublicRateLimit (and mail use its limit). */
@Global()
@Module({
  providers: [AbuseCounters, AbuseCountersSweeper, LoginThrottle, PublicRateLimitGuard, InboundSenderLimit],
  exports: [AbuseCounters, LoginThrottle, PublicRateLimitGuard, InboundSenderLimit],
})
export class AbuseLimitsModule {}
