import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TicketEventEntity } from '../../../libs/db/entities/ticket-event.entity.js';
import { TicketMessageEntity } from '../../../libs/db/entities/ticket-message.entity.js';
import { TicketEntity } from '../../../libs/db/entities/ticket.entity.js';
import { TICKET_LIMITS } from '../../../libs/domain/tickets/ticket-fields.js';
import type { TicketLifecycleState } from '../../../workflows/ticket/ticket.contract.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { userError } from '../common/user-error.js';
import type { ChangeTicketStatusInput } from './dto/change-ticket-status.input.js';
import type { CreateTicketInput } from './dto/create-ticket.input.js';
import type { ReclassifyTicketInput } from './dto/reclassify-ticket.input.js';
import type { RecordCustomerReplyInput } from './dto/record-customer-reply.input.js';
import type { ReplyToTicketInput } from './dto/reply-to-ticket.input.js';
import type { CustomerReplyResultModel } from './models/customer-reply-result.model.js';
import type { TicketsFilterInput } from './dto/tickets-filter.input.js';
import { decodeTicketCursor, encodeTicketCursor } from './ticket-cursor.js';
import { newTicketFrom } from './new-ticket.js';
import { TicketWorkflowsClient } from './ticket-workflows.client.js';

export const MAX_PAGE_SIZE = 100;

export interface TicketPage {
  edges: Array<{ cursor: string; node: TicketEntity }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

@Injectable()
export class TicketsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workflows: TicketWorkflowsClient,
  ) {}

  private get tickets() {
    return this.dataSource.getRepository(TicketEntity);
  }

  /**
   * The workflow writes the row (see ticket.workflow.ts), so a row never exists without its workflow; a retry with the
   * same idempotency key finds the row, or joins the same workflow, and returns the same ticket. No caller: the ticket
   * came in by itself (inbound email).
   */
  async create(input: CreateTicketInput, caller: AuthenticatedUser | null): Promise<TicketEntity> {
    const newTicket = newTicketFrom(input, caller?.id ?? null, new Date());
    let ticket = await this.tickets.findOneBy({ id: newTicket.id });
    if (!ticket) {
      await this.workflows.open(newTicket);
      ticket = await this.tickets.findOneByOrFail({ id: newTicket.id });
    }
    if (newTicket.idempotencyKey !== null) assertSameRequest(ticket, input);
    return ticket;
  }

  async get(id: string): Promise<TicketEntity> {
    // The column is a uuid: anything else would make PostgreSQL fail the query (an internal error, not an answer).
    if (!isUUID(id)) throw userError('BAD_USER_INPUT', 'id must be a ticket id (a UUID).');
    const ticket = await this.tickets.findOneBy({ id });
    if (!ticket) throw userError('NOT_FOUND', `There is no ticket ${id}.`);
    return ticket;
  }

  /** Newest first, by keyset on (created_at, id): stable under inserts, fast at any depth. */
  async list(filter: TicketsFilterInput | undefined, first: number, after: string | undefined): Promise<TicketPage> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
      throw userError('BAD_USER_INPUT', `first must be between 1 and ${MAX_PAGE_SIZE}.`);
    }
    const query = this.tickets.createQueryBuilder('t').orderBy('t.created_at', 'DESC').addOrderBy('t.id', 'DESC').limit(first + 1);
    if (filter?.status?.length) query.andWhere('t.status IN (:...status)', { status: filter.status });
    if (filter?.priority?.length) query.andWhere('t.priority IN (:...priority)', { priority: filter.priority });
    if (filter?.channel?.length) query.andWhere('t.channel IN (:...channel)', { channel: filter.channel });
    if (filter?.requesterEmail) query.andWhere('t.requester_email = :email', { email: filter.requesterEmail.toLowerCase() });
    if (after) {
      const cursor = decodeTicketCursor(after);
      query.andWhere('(t.created_at, t.id) < (:createdAt, :id)', cursor);
    }
    const rows = await query.getMany();
    const page = rows.slice(0, first);
    const edges = page.map((node) => ({ cursor: encodeTicketCursor(node), node }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  /** Stores the message, then tells the workflow; a refused reply (e.g. closed ticket) leaves no message behind. */
  async reply(input: ReplyToTicketInput, caller: AuthenticatedUser): Promise<TicketMessageEntity> {
    await this.get(input.ticketId);
    const message = await this.storeMessage(input.ticketId, 'agent', caller.id, input.body, input.public);
    try {
      await this.workflows.agentReplied(input.ticketId, {
        messageId: message.id,
        actorUserId: caller.id,
        isPublic: message.isPublic,
        at: message.createdAt.toISOString(),
      });
    } catch (error) {
      await this.dataSource.getRepository(TicketMessageEntity).delete({ id: message.id });
      throw error;
    }
    return message;
  }

  async changeStatus(input: ChangeTicketStatusInput, caller: AuthenticatedUser): Promise<TicketEntity> {
    await this.get(input.ticketId);
    await this.workflows.changeStatus(input.ticketId, { status: input.status, actorUserId: caller.id });
    return this.get(input.ticketId);
  }

  async reclassify(input: ReclassifyTicketInput, caller: AuthenticatedUser): Promise<TicketEntity> {
    await this.get(input.ticketId);
    const { ticketId, priority, groupId, organizationId, customerTier, tags } = input;
    // Only what the caller gave changes; a null clears a group, organization or tier.
    const given = Object.fromEntries(
      Object.entries({ priority, groupId, organizationId, customerTier, tags }).filter(([, value]) => value !== undefined),
    );
    if (given.priority === null) throw userError('BAD_USER_INPUT', 'priority cannot be cleared, only changed.');
    await this.workflows.reclassify(ticketId, { ...given, tags: tags === null ? [] : tags, actorUserId: caller.id });
    return this.get(ticketId);
  }

  /**
   * Stores a customer's message on the ticket and tells its workflow (which reopens a solved ticket). A closed ticket
   * takes no more messages: the reply opens a follow-up ticket linked to it, as a new ticket with its own workflow.
   */
  async recordCustomerReply(input: RecordCustomerReplyInput, caller: AuthenticatedUser | null): Promise<CustomerReplyResultModel> {
    const ticket = await this.get(input.ticketId);
    if (ticket.status !== 'closed') {
      const message = await this.storeMessage(ticket.id, 'customer', null, input.body, true);
      try {
        await this.workflows.customerReplied(ticket.id, { messageId: message.id, actorUserId: caller?.id ?? null, at: message.createdAt.toISOString() });
        return { ticket: await this.get(ticket.id), message, followUp: false };
      } catch (error) {
        await this.dataSource.getRepository(TicketMessageEntity).delete({ id: message.id });
        // The workflow closed the ticket in the meantime (auto-close): the reply still must not be lost.
        if ((await this.get(ticket.id)).status !== 'closed') throw error;
      }
    }
    const followUp = await this.openFollowUp(ticket, input.body, caller);
    const message = await this.storeMessage(followUp.id, 'customer', null, input.body, true);
    return { ticket: followUp, message, followUp: true };
  }

  private async openFollowUp(closed: TicketEntity, body: string, caller: AuthenticatedUser | null): Promise<TicketEntity> {
    const subject = `Follow-up: ${closed.subject}`.slice(0, TICKET_LIMITS.subjectMaxLength);
    const input: CreateTicketInput = {
      subject,
      description: body,
      requesterEmail: closed.requesterEmail,
      channel: closed.channel,
      priority: closed.priority,
      groupId: closed.groupId,
      organizationId: closed.organizationId,
      customerTier: closed.customerTier,
      tags: closed.tags,
      fields: Object.entries(closed.fields).map(([name, value]) => ({ name, value })),
    };
    const newTicket = newTicketFrom(input, caller?.id ?? null, new Date(), closed.id);
    await this.workflows.open(newTicket);
    return this.get(newTicket.id);
  }

  private storeMessage(ticketId: string, authorType: 'agent' | 'customer', authorUserId: string | null, body: string, isPublic: boolean) {
    const messages = this.dataSource.getRepository(TicketMessageEntity);
    return messages.save(messages.create({ id: randomUUID(), ticketId, authorType, authorUserId, body, isPublic }));
  }

  liveState(ticketId: string): Promise<TicketLifecycleState> {
    return this.workflows.liveState(ticketId);
  }

  messages(ticketId: string): Promise<TicketMessageEntity[]> {
    return this.dataSource.getRepository(TicketMessageEntity).find({ where: { ticketId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  timeline(ticketId: string): Promise<TicketEventEntity[]> {
    return this.dataSource.getRepository(TicketEventEntity).find({ where: { ticketId }, order: { sequence: 'ASC' } });
  }
}

/** A reused idempotency key must describe the same ticket; otherwise the client has a bug worth hearing about. */
function assertSameRequest(ticket: TicketEntity, input: CreateTicketInput): void {
  const same =
    ticket.subject === input.subject &&
    ticket.description === input.description &&
    ticket.requesterEmail === input.requesterEmail.toLowerCase() &&
    ticket.channel === input.channel;
  if (!same) {
    throw userError('CONFLICT', `The idempotency key "${input.idempotencyKey}" was already used for ticket #${ticket.number}, with different content.`);
  }
}
