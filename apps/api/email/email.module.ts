import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module.js';
import { AttachmentDownloadController } from './attachment-download.controller.js';
import { ATTACHMENT_SCANNER, NoAttachmentScanner } from './attachment-scanner.js';
import { AttachmentUploadController } from './attachment-upload.controller.js';
import { AttachmentsService } from './attachments.service.js';
import { DevOutboxResolver } from './dev-outbox.resolver.js';
import { EmailAttachmentsResolver } from './email-attachments.resolver.js';
import { EmailTemplatesResolver } from './email-templates.resolver.js';
import { EmailTemplatesService } from './email-templates.service.js';
import { InboundMailService } from './inbound-mail.service.js';

/**
 * Customer mail: inbound mail to tickets, the files both ways (download, agents' uploads, the virus-scan hook: replace
 * the ATTACHMENT_SCANNER provider to scan), the templates admins word, and the dev outbox.
 */
@Module({
  imports: [TicketsModule],
  controllers: [AttachmentDownloadController, AttachmentUploadController],
  providers: [
    AttachmentsService,
    { provide: ATTACHMENT_SCANNER, useClass: NoAttachmentScanner },
    DevOutboxResolver,
    EmailAttachmentsResolver,
    EmailTemplatesResolver,
    EmailTemplatesService,
    InboundMailService,
  ],
})
export class EmailModule {}
