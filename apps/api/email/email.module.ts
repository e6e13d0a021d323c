import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module.js';
import { DevOutboxResolver } from './dev-outbox.resolver.js';
import { EmailAttachmentsResolver } from './email-attachments.resolver.js';
import { EmailTemplatesResolver } from './email-templates.resolver.js';
import { EmailTemplatesService } from './email-templates.service.js';
import { InboundMailService } from './inbound-mail.service.js';

/** Customer mail: inbound mail to tickets (with their attachments), the templates admins word, and the dev outbox. */
@Module({
  imports: [TicketsModule],
  providers: [DevOutboxResolver, EmailAttachmentsResolver, EmailTemplatesResolver, EmailTemplatesService, InboundMailService],
})
export class EmailModule {}
