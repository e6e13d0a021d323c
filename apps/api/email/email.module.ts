import { Module } from '@nestjs/common';
import { DevOutboxResolver } from './dev-outbox.resolver.js';
import { EmailTemplatesResolver } from './email-templates.resolver.js';
import { EmailTemplatesService } from './email-templates.service.js';

/** Customer mail: the templates admins word, and the dev outbox. */
@Module({
  providers: [DevOutboxResolver, EmailTemplatesResolver, EmailTemplatesService],
})
export class EmailModule {}
