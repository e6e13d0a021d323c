import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { TicketMessageEntity } from '../../../libs/db/entities/ticket-message.entity.js';
import type { SenderAuthentication } from '../../../libs/mail/sender-authentication.js';
import { fieldRoles } from '../auth/field-roles.middleware.js';
import { TicketLoadersOfRequest } from './loaders/ticket-loaders.js';
import { MailAuthenticationModel } from './models/mail-authentication.model.js';
import { TicketMessageModel } from './models/ticket-message.model.js';
import { TicketModel } from './models/ticket.model.js';
import { TICKET_WORKERS } from './tickets.roles.js';

// The SPF and DMARC verdicts kept with each received mail (inbound_emails), on what the mail became: the ticket it
// opened, or the customer message it added. One query per request for all the tickets asked about (mailAuthentication).

@Resolver(() => TicketModel)
export class TicketMailAuthenticationResolver {
  constructor(private readonly loaders: TicketLoadersOfRequest) {}

  @ResolveField(() => MailAuthenticationModel, {
    nullable: true,
    description: 'The verdicts on the mail that opened the ticket; null when no mail did.',
    middleware: [fieldRoles(...TICKET_WORKERS)],
  })
  async mailAuthentication(@Parent() ticket: TicketModel, @Context() context: object): Promise<SenderAuthentication | null> {
    return (await this.loaders.of(context).mailAuthentication.load(ticket.id)).opening;
  }
}

@Resolver(() => TicketMessageModel)
export class TicketMessageMailAuthenticationResolver {
  constructor(private readonly loaders: TicketLoadersOfRequest) {}

  @ResolveField(() => MailAuthenticationModel, {
    nullable: true,
    description: 'The verdicts on the mail the message came in; null for a message not received by mail.',
    middleware: [fieldRoles(...TICKET_WORKERS)],
  })
  async mailAuthentication(@Parent() message: TicketMessageEntity, @Context() context: object): Promise<SenderAuthentication | null> {
    // Only customers write in by mail: an agent's message needs no lookup.
    if (message.authorType !== 'customer') return null;
    return (await this.loaders.of(context).mailAuthentication.load(message.ticketId)).byMessageId.get(message.id) ?? null;
  }
}
