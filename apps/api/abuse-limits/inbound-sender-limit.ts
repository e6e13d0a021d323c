import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { MailRejection } from '../../../libs/mail/smtp-receiver.js';
import { APP_CONFIG } from '../app-config.token.js';
import { AbuseCounters } from './abuse-counters.js';

/**
 * At most INBOUND_MAX_MAILS_PER_SENDER mails per window from one sender address, so one address cannot open thousands
 * of tickets. Past it: SMTP 451, a temporary refusal, so a real sender's server retries later instead of bouncing.
 */
@Injectable()
export class InboundSenderLimit {
  constructor(
    private readonly counters: AbuseCounters,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async assertAllowed(sender: string): Promise<void> {
    const waitSeconds = await this.counters.hit(`inbound-sender:${sender}`, {
      maxRequests: this.config.inboundMaxMailsPerSender,
      windowSeconds: this.config.inboundSenderWindowSeconds,
    });
    if (waitSeconds !== null) throw new MailRejection(451, `Too many mails from ${sender}; try again in ${waitSeconds} seconds.`);
  }
}
