import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { requestLinkConfig } from '../../../activities/email/request-links.js';
import { surveyLinkConfig } from '../../../activities/surveys/survey-links.js';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { linkTicketCustomer, upsertCustomer } from '../../../libs/db/customers.js';
import { TicketMessageEntity } from '../../../libs/db/entities/ticket-message.entity.js';
import { TicketEntity } from '../../../libs/db/entities/ticket.entity.js';
import { ticketMergedAt } from '../../../libs/db/ticket-merges.js';
import { verifyRequestToken } from '../../../libs/domain/portal/request-token.js';
import { APP_CONFIG } from '../app-config.token.js';
import { userError } from '../common/user-error.js';
import { TicketsService } from '../tickets/tickets.service.js';
import type { ServiceRequestFacts } from '../../../workflows/ticket/ticket.contract.js';
import type { CreateTicketInput } from '../tickets/dto/create-ticket.input.js';
import type { ReplyToPortalRequestInput } from './dto/reply-to-portal-request.input.js';
import type { SubmitPortalRequestInput } from './dto/submit-portal-request.input.js';
import type { PortalRequestModel } from './models/portal-request.model.js';
import type { PortalReplyModel, PortalRequestReceiptModel } from './models/portal-results.model.js';

// Each refusal has a stable `extensions.reason` beside its code, so the portal's page can say what happened.
const invalidLink = () => userError('FORBIDDEN', 'This link to a request is not valid.', { reason: 'PORTAL_LINK_INVALID' });
const expiredLink = () =>
  userError('FORBIDDEN', 'This link to your request has expired. Reply to one of our mails to reach us.', { reason: 'PORTAL_LINK_EXPIRED' });

/**
 * The customer portal's requests: no login. Submitting opens a ticket the way `createTicket` does (web channel); the
 * ticket's acknowledgment mails a signed link, and that link's token is the only credential to read and answer it.
 */
@Injectable()
export class PortalRequestsService {
  private readonly tokenSecret: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tickets: TicketsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.tokenSecret = requestLinkConfig(surveyLinkConfig(config)).tokenSecret;
  }

  /** The link is not the answer: only the mailbox owner gets it, so a stranger cannot read a request in their name. */
  async submit(input: SubmitPortalRequestInput): Promise<PortalRequestReceiptModel> {
    const { receipt } = await this.open(input.email, input.name.trim(), { subject: input.subject.trim(), description: input.description }, input.idempotencyKey);
    return receipt;
  }

  /**
   * Opens a customer's request on the web channel (a catalog service request too: `ticket` then says so, `service` names
   * it). The customer is recorded first, so the acknowledgment, which mails the signed link, greets them by name.
   */
  async open(
    requesterEmail: string,
    name: string | null,
    ticket: Pick<CreateTicketInput, 'subject' | 'description'> & Partial<Pick<CreateTicketInput, 'type' | 'groupId'>>,
    idempotencyKey: string | undefined,
    service?: ServiceRequestFacts,
  ): Promise<{ receipt: PortalRequestReceiptModel; ticket: TicketEntity }> {
    const email = requesterEmail.trim().toLowerCase();
    const customer = await upsertCustomer(this.dataSource.manager, email, name);
    const opened = await this.tickets.create(
      {
        ...ticket,
        requesterEmail: email,
        channel: 'web',
        priority: 'normal',
        organizationId: customer.organizationId,
        // Its own prefix: a portal key never lands on a ticket an inbound mail opened (they share the no-caller keys).
        ...(idempotencyKey ? { idempotencyKey: `portal:${idempotencyKey}` } : {}),
      },
      null,
      service,
    );
    await linkTicketCustomer(this.dataSource.manager, opened.id, customer.id, email);
    return { receipt: { sentTo: email }, ticket: opened };
  }

  async request(token: string): Promise<PortalRequestModel> {
    return this.portalView(await this.ticketOf(token));
  }

  /** Recorded as a customer's reply, as an inbound mail's is: it reopens a solved ticket, follows merges, and a closed one gets a follow-up. */
  async reply(input: ReplyToPortalRequestInput): Promise<PortalReplyModel> {
    const ticket = await this.ticketOf(input.token);
    const answeredTicketId = await ticketMergedAt(this.dataSource.manager, ticket.id);
    const recorded = await this.tickets.recordCustomerReply(
      // The same prefix as submit's keys, apart from mail's: all share the no-caller keys.
      { ticketId: answeredTicketId, body: input.body, ...(input.idempotencyKey ? { idempotencyKey: `portal:${input.idempotencyKey}` } : {}) },
      null,
    );
    const current = await this.dataSource.getRepository(TicketEntity).findOneByOrFail({ id: ticket.id });
    return { request: await this.portalView(current), addedTo: recorded.ticket.number, followUp: recorded.followUp };
  }

  private async ticketOf(token: string): Promise<TicketEntity> {
    const check = verifyRequestToken(this.tokenSecret, token, Date.now());
    if (!check.ok) throw check.reason === 'forged' ? invalidLink() : expiredLink();
    const ticket = await this.dataSource.getRepository(TicketEntity).findOneBy({ id: check.claims.ticketId });
    // Signed by us for a ticket that is gone (a rolled-back import): nothing to show.
    if (!ticket) throw invalidLink();
    return ticket;
  }

  private async portalView(ticket: TicketEntity): Promise<PortalRequestModel> {
    const messages = await this.dataSource.getRepository(TicketMessageEntity).find({
      where: { ticketId: ticket.id, isPublic: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return {
      number: ticket.number,
      subject: ticket.subject,
      status: ticket.status,
      description: ticket.description,
      createdAt: ticket.createdAt,
      updatedAt: ticket.updatedAt,
      messages: messages.map((message) => ({
        id: message.id,
        author: message.authorType === 'customer' ? 'customer' : 'support',
        body: message.body,
        createdAt: message.createdAt,
      })),
    };
  }
}
