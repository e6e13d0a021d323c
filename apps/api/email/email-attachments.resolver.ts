import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { DataSource, IsNull, Not } from 'typeorm';
import { EmailAttachmentEntity } from '../../../libs/db/entities/email-attachment.entity.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { TicketsService } from '../tickets/tickets.service.js';
import { ATTACHMENT_READERS } from './email.roles.js';
import { EmailAttachmentModel, toEmailAttachmentModel } from './models/email-attachment.model.js';

@Resolver(() => EmailAttachmentModel)
export class EmailAttachmentsResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tickets: TicketsService,
  ) {}

  @Roles(...ATTACHMENT_READERS)
  @Query(() => [EmailAttachmentModel], {
    description: 'The files of the ticket’s mails (from the customer, and sent with agent replies), oldest first; NOT_FOUND for an unknown ticket.',
  })
  async ticketAttachments(@Args('ticketId', { type: () => ID }) ticketId: string, @CurrentUser() caller: AuthenticatedUser): Promise<EmailAttachmentModel[]> {
    await this.tickets.get(ticketId, caller);
    // Uploads no reply has sent yet are drafts, not part of the ticket's mail.
    const attachments = await this.dataSource.getRepository(EmailAttachmentEntity).find({
      where: [
        { ticketId, inboundMessageId: Not(IsNull()) },
        { ticketId, sentWithMessageId: Not(IsNull()) },
      ],
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return attachments.map(toEmailAttachmentModel);
  }
}
