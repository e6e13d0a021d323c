import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { TicketMessageEntity } from '../../../libs/db/entities/ticket-message.entity.js';
import { TicketEntity } from '../../../libs/db/entities/ticket.entity.js';
import type { NewTicket, ServiceRequestFacts } from '../../../workflows/ticket/ticket.contract.js';
import { withFieldChanges } from '../../../libs/domain/tickets/field-changes.js';
import { TICKET_LIMITS } from '../../../libs/domain/tickets/ticket-fields.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { userError } from '../common/user-error.js';
import type { ChangeTicketStatusInput } from './dto/change-ticket-status.input.js';
import type { CreateTicketInput } from './dto/create-ticket.input.js';
import type { ReclassifyTicketInput } from './dto/reclassify-ticket.input.js';
import type { RecordCustomerReplyInput } from './dto/record-customer-reply.input.js';
import type { ReplyToTicketInput } from './dto/reply-to-ticket.input.js';
import type { CustomerReplyResultModel } from './models/customer-reply-result.model.js';
import type { TicketsFilterInput } from './dto/tickets-filter.input.js';
import type { UpdateTicketFieldsInput } from './dto/update-ticket-fields.input.js';
import { decodeTicketCursor, encodeTicketCursor } from './ticket-cursor.js';
import { applyTicketFilters, applyTicketOrder } from './ticket-list-query.js';
import { fewSearchMatches } from './ticket-search-matches.js';
import type { TicketOrder } from './ticket-sort.js';
import { restrictToScope, TicketVisibility, type TicketReader } from './ticket-visibility.js';
import { newTicketFrom } from './new-ticket.js';
import { readTicketTypeDefaults } from '../../../libs/db/ticket-type-defaults.js';
import { insertMessageOnce } from '../../../libs/db/ticket-messages.js';
import { attachToReply, checkReplyAttachments } from './reply-attachments.js';
import { replyMessageIdFor } from './reply-message-id.js';
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
    private readonly visibility: TicketVisibility,
  ) {}

  private get tickets() {
    return this.dataSource.getRepository(TicketEntity);
  }

  /**
   * The workflow writes the row (see ticket.workflow.ts), so a row never exists without its workflow; a retry with the
   * same idempotency key finds the row, or joins the same workflow, and returns the same ticket. No caller: the ticket
   * came in by itself (inbound email). `service`: the ticket is a service request from the catalog (apps/api/catalog).
   */
  async create(input: CreateTicketInput, caller: AuthenticatedUser | null, service?: ServiceRequestFacts): Promise<TicketEntity> {
    const typeDefaults = input.type == null ? await readTicketTypeDefaults((text, values) => this.dataSource.query(text, values)) : {};
    const newTicket = newTicketFrom(input, caller?.id ?? null, new Date(), null, typeDefaults);
    return this.openOnce(service ? { ...newTicket, service } : newTicket, input);
  }

  /** The ticket's row, once its workflow (started now, or by an earlier try with the same key) has written it. */
  private async openOnce(newTicket: NewTicket, input: CreateTicketInput): Promise<TicketEntity> {
    let ticket = await this.tickets.findOneBy({ id: newTicket.id });
    if (!ticket) {
      await this.workflows.open(newTicket);
      ticket = await this.tickets.findOneByOrFail({ id: newTicket.id });
    }
    if (newTicket.idempotencyKey !== null) assertSameRequest(ticket, input);
    return ticket;
  }

  /**
   * The ticket, if the reader may see it (see ticket-visibility.ts). One that exists but is hidden from them gets the
   * same NOT_FOUND as one that does not exist, so ids do not leak. Every read and change of a ticket starts here; the
   * result of a change is read as 'system', since the caller may have just moved the ticket out of their own sight.
   */
  async get(id: string, reader: TicketReader): Promise<TicketEntity> {
    // The column is a uuid: anything else would make PostgreSQL fail the query (an internal error, not an answer).
    if (!isUUID(id)) throw userError('BAD_USER_INPUT', 'id must be a ticket id (a UUID).');
    const ticket = await this.tickets.findOneBy({ id });
    if (!ticket || !(await this.visibility.canSee(ticket, reader))) throw userError('NOT_FOUND', `There is no ticket ${id}.`);
    return ticket;
  }

  /**
   * The tickets the caller may see, filtered, in the order asked for, by keyset on (sort key, id): stable under
   * inserts and ties, fast at any depth.
   */
  async list(filter: TicketsFilterInput | undefined, order: TicketOrder, first: number, after: string | undefined, caller: AuthenticatedUser): Promise<TicketPage> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
      throw userError('BAD_USER_INPUT', `first must be between 1 and ${MAX_PAGE_SIZE}.`);
    }
    const cursor = after ? decodeTicketCursor(after, order) : null;
    const query = this.tickets.createQueryBuilder('t').limit(first + 1);
    const searchMatches = filter?.search !== undefined ? await fewSearchMatches(this.dataSource, filter.search) : null;
    applyTicketFilters(query, filter, caller.id, new Date(), searchMatches);
    restrictToScope(query, await this.visibility.scopeOf(caller));
    applyTicketOrder(query, order, cursor);
    const { entities, raw } = await query.getRawAndEntities<{ sort_key: string }>();
    const edges = entities.slice(0, first).map((node, index) => ({
      cursor: encodeTicketCursor({ ...order, key: raw[index].sort_key, id: node.id }),
      node,
    }));
    return { edges, pageInfo: { hasNextPage: entities.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  /**
   * Stores the message, then tells the workflow; a refused reply (e.g. closed ticket) leaves no message behind. With an
   * idempotency key the message id derives from the caller and the key (and is the workflow update's id): a retry, e.g.
   * after the API died between storing and answering, gets the same message back and the workflow records it once.
   */
  async reply(input: ReplyToTicketInput, caller: AuthenticatedUser): Promise<TicketMessageEntity> {
    await this.get(input.ticketId, caller);
    const attachmentIds = input.attachmentIds ?? [];
    const key = input.idempotencyKey ?? null;
    // Its own prefix: an agent reply's key never lands on a customer reply the same caller recorded with that key.
    const messageId = replyMessageIdFor(caller.id, key === null ? null : `agent-reply:${key}`);
    const earlier = key === null ? null : await this.dataSource.getRepository(TicketMessageEntity).findOneBy({ id: messageId });
    if (earlier) return this.replyAgain(earlier, input, caller);
    await checkReplyAttachments(this.dataSource, input.ticketId, attachmentIds, caller.id);
    const message = await insertMessageOnce(this.dataSource.manager, {
      id: messageId,
      ticketId: input.ticketId,
      authorType: 'agent',
      authorUserId: caller.id,
      body: input.body,
      isPublic: input.public,
    });
    // A retry racing this one stored the message first.
    if (!message) return this.replyAgain(await this.dataSource.getRepository(TicketMessageEntity).findOneByOrFail({ id: messageId }), input, caller);
    try {
      await attachToReply(this.dataSource, message.id, attachmentIds, caller.id);
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

  /** A retried reply: the same request must describe the stored message; the workflow is told again (applied once). */
  private async replyAgain(message: TicketMessageEntity, input: ReplyToTicketInput, caller: AuthenticatedUser): Promise<TicketMessageEntity> {
    const same =
      message.ticketId === input.ticketId && message.body === input.body && message.isPublic === input.public && message.authorUserId === caller.id;
    if (!same) throw userError('CONFLICT', `The idempotency key "${input.idempotencyKey}" was already used for another reply.`);
    const attachmentIds = input.attachmentIds ?? [];
    // Files the first try already attached stay attached; only the others are checked and attached now.
    const attached = await this.dataSource.query<Array<{ id: string }>>(
      'SELECT id FROM email_attachments WHERE id = ANY($1) AND sent_with_message_id = $2',
      [attachmentIds, message.id],
    );
    const missing = attachmentIds.filter((id) => !attached.some((row) => row.id === id));
    await checkReplyAttachments(this.dataSource, input.ticketId, missing, caller.id);
    await attachToReply(this.dataSource, message.id, missing, caller.id);
    try {
      await this.workflows.agentReplied(input.ticketId, {
        messageId: message.id,
        actorUserId: caller.id,
        isPublic: message.isPublic,
        at: message.createdAt.toISOString(),
      });
    } catch (error) {
      if (!(await this.workflowRecorded(input.ticketId, message.id, 'agent_replied'))) throw error;
    }
    return message;
  }

  async changeStatus(input: ChangeTicketStatusInput, caller: AuthenticatedUser): Promise<TicketEntity> {
    await this.get(input.ticketId, caller);
    await this.workflows.changeStatus(input.ticketId, { status: input.status, actorUserId: caller.id });
    return this.get(input.ticketId, 'system');
  }

  async reclassify(input: ReclassifyTicketInput, caller: AuthenticatedUser): Promise<TicketEntity> {
    await this.get(input.ticketId, caller);
    const { ticketId, priority, groupId, organizationId, customerTier, tags, type } = input;
    // Only what the caller gave changes; a null clears a group, organization or tier.
    const given = Object.fromEntries(
      Object.entries({ priority, groupId, organizationId, customerTier, tags, type }).filter(([, value]) => value !== undefined),
    );
    if (given.priority === null) throw userError('BAD_USER_INPUT', 'priority cannot be cleared, only changed.');
    if (given.type === null) throw userError('BAD_USER_INPUT', 'type cannot be cleared, only changed.');
    await this.workflows.reclassify(ticketId, { ...given, tags: tags === null ? [] : tags, actorUserId: caller.id });
    return this.get(ticketId, 'system');
  }

  /**
   * Sets custom fields (a null value removes one). The workflow records the change on the timeline and writes only
   * the changed fields into the row (in SQL), so two agents changing different fields both land, and fields a
   * migration's delta run wrote stay.
   */
  async updateFields(input: UpdateTicketFieldsInput, caller: AuthenticatedUser): Promise<TicketEntity> {
    const ticket = await this.get(input.ticketId, caller);
    const changes = Object.fromEntries(input.fields.map(({ name, value }) => [name, value ?? null]));
    if (Object.keys(withFieldChanges(ticket.fields, changes)).length > TICKET_LIMITS.maxFormFields) {
      throw userError('BAD_USER_INPUT', `fields: a ticket has at most ${TICKET_LIMITS.maxFormFields} custom fields.`, { field: 'fields' });
    }
    await this.workflows.updateFields(ticket.id, { changes, actorUserId: caller.id });
    return this.get(ticket.id, 'system');
  }

  /**
   * Stores a customer's message on the ticket and tells its workflow (which reopens a solved ticket). A closed ticket
   * takes no more messages: the reply opens a follow-up ticket linked to it, as a new ticket with its own workflow, whose
   * description is the reply. With an idempotency key a retry, even one racing the first, lands on the same message or
   * the same follow-up: both ids derive from the key.
   */
  async recordCustomerReply(input: RecordCustomerReplyInput, caller: AuthenticatedUser | null): Promise<CustomerReplyResultModel> {
    const ticket = await this.get(input.ticketId, caller ?? 'system');
    const idempotencyKey = input.idempotencyKey ?? null;
    const messageId = replyMessageIdFor(caller?.id ?? null, idempotencyKey);
    // A retry of a reply the ticket took before it closed gets that message back, not a follow-up.
    if (ticket.status !== 'closed' || (await this.dataSource.getRepository(TicketMessageEntity).existsBy({ id: messageId }))) {
      const message = await this.addCustomerMessage(ticket.id, messageId, input.body, caller, idempotencyKey);
      if (message) return { ticket: await this.get(ticket.id, 'system'), message, followUp: false };
    }
    const followUp = await this.openFollowUp(ticket, input.body, caller, idempotencyKey);
    return { ticket: followUp, message: null, followUp: true };
  }

  /** The stored message, or null when the workflow closed the ticket before it took the message (none is left behind). */
  private async addCustomerMessage(
    ticketId: string,
    messageId: string,
    body: string,
    caller: AuthenticatedUser | null,
    idempotencyKey: string | null,
  ): Promise<TicketMessageEntity | null> {
    const stored = await insertMessageOnce(this.dataSource.manager, { id: messageId, ticketId, authorType: 'customer', authorUserId: null, body, isPublic: true });
    const isNew = stored !== null;
    const message = stored ?? (await this.dataSource.getRepository(TicketMessageEntity).findOneByOrFail({ id: messageId }));
    if (message.ticketId !== ticketId || message.body !== body) {
      throw userError('CONFLICT', `The idempotency key "${idempotencyKey}" was already used for another reply.`);
    }
    try {
      await this.workflows.customerReplied(ticketId, { messageId, actorUserId: caller?.id ?? null, at: message.createdAt.toISOString() });
      return message;
    } catch (error) {
      // A retry's message may be one the workflow took before the ticket closed: it stays, and is the answer.
      if (!isNew && (await this.workflowRecorded(ticketId, messageId))) return message;
      const closed = (await this.get(ticketId, 'system')).status === 'closed';
      if (isNew || closed) await this.dataSource.getRepository(TicketMessageEntity).delete({ id: messageId });
      // The workflow closed the ticket in the meantime (auto-close): the reply still must not be lost.
      if (closed) return null;
      throw error;
    }
  }

  private async workflowRecorded(ticketId: string, messageId: string, type = 'customer_replied'): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM ticket_events WHERE ticket_id = $1 AND type = $3 AND data->>'messageId' = $2`,
      [ticketId, messageId, type],
    );
    return rows.length > 0;
  }

  /** The reply is the follow-up's description, as a new ticket's first words are, and not a message besides. */
  private async openFollowUp(closed: TicketEntity, body: string, caller: AuthenticatedUser | null, idempotencyKey: string | null): Promise<TicketEntity> {
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
      type: closed.type,
      fields: Object.entries(closed.fields).map(([name, value]) => ({ name, value })),
      // Its own prefix: a reply's key never lands on a ticket the same caller created with that key.
      ...(idempotencyKey !== null ? { idempotencyKey: `follow-up:${idempotencyKey}` } : {}),
    };
    return this.openOnce(newTicketFrom(input, caller?.id ?? null, new Date(), closed.id), input);
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
