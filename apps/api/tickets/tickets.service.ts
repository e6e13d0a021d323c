import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TicketEventEntity } from '../../../libs/db/entities/ticket-event.entity.js';
import { TicketMessageEntity } from '../../../libs/db/entities/ticket-message.entity.js';
import { TicketEntity } from '../../../libs/db/entities/ticket.entity.js';
import type { TicketLifecycleState } from '../../../workflows/ticket/ticket.contract.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { userError } from '../common/user-error.js';
import type { ChangeTicketStatusInput } from './dto/change-ticket-status.input.js';
import type { CreateTicketInput } from './dto/create-ticket.input.js';
import type { ReplyToTicketInput } from './dto/reply-to-ticket.input.js';
import type { TicketsFilterInput } from './dto/tickets-filter.input.js';
import { decodeTicketCursor, encodeTicketCursor } from './ticket-cursor.js';
import { ticketIdFor } from './ticket-id.js';
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
   * same idempotency key finds the row, or joins the same workflow, and returns the same ticket.
   */
  async create(input: CreateTicketInput, caller: AuthenticatedUser): Promise<TicketEntity> {
    const idempotencyKey = input.idempotencyKey ?? null;
    const id = ticketIdFor(caller.id, idempotencyKey);
    let ticket = await this.tickets.findOneBy({ id });
    if (!ticket) {
      await this.workflows.open({
        id,
        subject: input.subject,
        description: input.description,
        requesterEmail: input.requesterEmail.toLowerCase(),
        channel: input.channel,
        priority: input.priority,
        createdBy: caller.id,
        idempotencyKey,
        createdAt: new Date().toISOString(),
      });
      ticket = await this.tickets.findOneByOrFail({ id });
    }
    if (idempotencyKey !== null) assertSameRequest(ticket, input);
    return ticket;
  }

  async get(id: string): Promise<TicketEntity> {
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
    const messages = this.dataSource.getRepository(TicketMessageEntity);
    const message = await messages.save(
      messages.create({
        id: randomUUID(),
        ticketId: input.ticketId,
        authorType: 'agent',
        authorUserId: caller.id,
        body: input.body,
        isPublic: input.public,
      }),
    );
    try {
      await this.workflows.agentReplied(input.ticketId, {
        messageId: message.id,
        actorUserId: caller.id,
        isPublic: message.isPublic,
        at: message.createdAt.toISOString(),
      });
    } catch (error) {
      await messages.delete({ id: message.id });
      throw error;
    }
    return message;
  }

  async changeStatus(input: ChangeTicketStatusInput, caller: AuthenticatedUser): Promise<TicketEntity> {
    await this.get(input.ticketId);
    await this.workflows.changeStatus(input.ticketId, { status: input.status, actorUserId: caller.id });
    return this.get(input.ticketId);
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
