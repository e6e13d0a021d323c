import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { EmailAttachmentEntity } from '../../../libs/db/entities/email-attachment.entity.js';
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
  @Query(() => [EmailAttachmentModel], { description: 'The files that came with the ticket’s mails, oldest first; NOT_FOUND for an unknown ticket.' })
  async ticketAttachments(@Args('ticketId', { type: () => ID }) ticketId: string): Promise<EmailAttachmentModel[]> {
    await this.tickets.get(ticketId);
    const attachments = await this.dataSource.getRepository(EmailAttachmentEntity).find({ where: { ticketId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return attachments.map(toEmailAttachmentModel);
  }
}
