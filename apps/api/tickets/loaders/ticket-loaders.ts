import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { TicketEventEntity } from '../../../../libs/db/entities/ticket-event.entity.js';
import { TicketMessageEntity } from '../../../../libs/db/entities/ticket-message.entity.js';
import { TicketEntity } from '../../../../libs/db/entities/ticket.entity.js';
import { knownErrorsOf, type KnownError } from '../../../../libs/db/problem-known-errors.js';
import type { SenderAuthentication } from '../../../../libs/mail/sender-authentication.js';
import type { TicketLifecycleState } from '../../../../workflows/ticket/ticket.contract.js';
import { MAX_PAGE_SIZE } from '../tickets.service.js';
import { TicketVisibility, type TicketReader, type TicketScope } from '../ticket-visibility.js';
import { TicketWorkflowsClient } from '../ticket-workflows.client.js';
import { concurrencyLimit } from './concurrency-limit.js';

/** Workflow queries one request may have in flight at once (Temporal has no batch query: one per ticket). */
export const LIVE_STATE_QUERY_CONCURRENCY = 8;

/**
 * One request's loaders for the expensive fields of Ticket. Each ticket is asked for once per request (`live` and
 * `sla` share one workflow query), and the tickets a page asks for in the same tick are fetched together: messages
 * and timelines with one SQL query per field for up to MAX_PAGE_SIZE tickets, workflow states with at most
 * LIVE_STATE_QUERY_CONCURRENCY queries in flight.
 */
export interface TicketLoaders {
  liveState: DataLoader<string, TicketLifecycleState>;
  messages: DataLoader<string, TicketMessageEntity[]>;
  timeline: DataLoader<string, TicketEventEntity[]>;
  /** A user's display name by id (null: no such user, e.g. the 'system' actor), for the names on a ticket. */
  userNames: DataLoader<string, string | null>;
  mailAuthentication: DataLoader<string, TicketMailAuthentication>;
  /** Tickets by id (null: no such ticket), e.g. the problems of the incidents on a page. */
  tickets: DataLoader<string, TicketEntity | null>;
  /** A problem's linked incidents by the problem's id, oldest first. */
  incidentsOfProblem: DataLoader<string, TicketEntity[]>;
  knownErrors: DataLoader<string, KnownError | null>;
  /** What the reader may see (ticket-visibility.ts), worked out once per request. */
  visibilityScope: DataLoader<TicketReader, TicketScope | null, string>;
}

/** The relay's verdicts on the mails a ticket received: the one that opened it, and those that became its messages. */
export interface TicketMailAuthentication {
  opening: SenderAuthentication | null;
  byMessageId: Map<string, SenderAuthentication>;
}

/**
 * Hands out the loaders of the request a GraphQL context belongs to, made on first use and dropped with the context
 * (the context object is created per HTTP request, so nothing cached outlives the request).
 */
@Injectable()
export class TicketLoadersOfRequest {
  private readonly byContext = new WeakMap<object, TicketLoaders>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly workflows: TicketWorkflowsClient,
  ) {}

  of(context: object): TicketLoaders {
    let loaders = this.byContext.get(context);
    if (!loaders) {
      loaders = this.create();
      this.byContext.set(context, loaders);
    }
    return loaders;
  }

  private create(): TicketLoaders {
    const limit = concurrencyLimit(LIVE_STATE_QUERY_CONCURRENCY);
    // The one visibility rule; it needs only the database, so the loaders make their own rather than take another dependency.
    const visibility = new TicketVisibility(this.dataSource);
    return {
      // An error (e.g. an imported closed ticket has no workflow) fails that ticket's field only, not the page.
      liveState: new DataLoader((ticketIds) =>
        Promise.all(ticketIds.map((id) => limit(() => this.workflows.liveState(id)).catch((error: unknown) => asError(error)))),
      ),
      messages: new DataLoader(
        async (ticketIds) => {
          const rows = await this.dataSource
            .getRepository(TicketMessageEntity)
            .find({ where: { ticketId: In([...ticketIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
          return groupByKey(ticketIds, rows, (row) => row.ticketId);
        },
        { maxBatchSize: MAX_PAGE_SIZE },
      ),
      timeline: new DataLoader(
        async (ticketIds) => {
          const rows = await this.dataSource
            .getRepository(TicketEventEntity)
            .find({ where: { ticketId: In([...ticketIds]) }, order: { sequence: 'ASC' } });
          return groupByKey(ticketIds, rows, (row) => row.ticketId);
        },
        { maxBatchSize: MAX_PAGE_SIZE },
      ),
      userNames: new DataLoader(async (userIds) => {
        // Compared as text: actors that are not user ids ('system') simply find no row.
        const rows = await this.dataSource.query<Array<{ id: string; display_name: string }>>(
          'SELECT id::text AS id, display_name FROM users WHERE id::text = ANY($1::text[])',
          [[...userIds]],
        );
        const names = new Map(rows.map((row) => [row.id, row.display_name]));
        return userIds.map((id) => names.get(id) ?? null);
      }),
      mailAuthentication: new DataLoader(
        async (ticketIds) => {
          const rows = await this.dataSource.query<Array<{ ticket_id: string; ticket_message_id: string | null; spf: string | null; dmarc: string | null }>>(
            'SELECT ticket_id, ticket_message_id, spf, dmarc FROM inbound_emails WHERE ticket_id = ANY($1::uuid[])',
            [[...ticketIds]],
          );
          const byTicket = new Map<string, TicketMailAuthentication>(ticketIds.map((id) => [id, { opening: null, byMessageId: new Map() }]));
          for (const { ticket_id, ticket_message_id, spf, dmarc } of rows) {
            const mails = byTicket.get(ticket_id)!;
            // A mail that became no message is the one the ticket was opened by (a new ticket's, or a follow-up's).
            if (ticket_message_id) mails.byMessageId.set(ticket_message_id, { spf, dmarc });
            else mails.opening = { spf, dmarc };
          }
          return ticketIds.map((id) => byTicket.get(id)!);
        },
        { maxBatchSize: MAX_PAGE_SIZE },
      ),
      tickets: new DataLoader(
        async (ticketIds) => {
          const rows = await this.dataSource.getRepository(TicketEntity).findBy({ id: In([...ticketIds]) });
          const byId = new Map(rows.map((row) => [row.id, row]));
          return ticketIds.map((id) => byId.get(id) ?? null);
        },
        { maxBatchSize: MAX_PAGE_SIZE },
      ),
      incidentsOfProblem: new DataLoader(
        async (problemIds) => {
          const rows = await this.dataSource
            .getRepository(TicketEntity)
            .find({ where: { problemId: In([...problemIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
          return groupByKey(problemIds, rows, (row) => row.problemId!);
        },
        { maxBatchSize: MAX_PAGE_SIZE },
      ),
      knownErrors: new DataLoader((problemIds) => knownErrorsOf(this.dataSource.manager, problemIds), { maxBatchSize: MAX_PAGE_SIZE }),
      visibilityScope: new DataLoader((readers) => Promise.all(readers.map((reader) => visibility.scopeOf(reader))), {
        cacheKeyFn: (reader) => (reader === 'system' ? reader : reader.id),
      }),
    };
  }
}

/** Rows of several keys (tickets, problems), already in order, split per key in the order of the keys. */
function groupByKey<Row>(keys: readonly string[], rows: Row[], keyOf: (row: Row) => string): Row[][] {
  const byKey = new Map<string, Row[]>(keys.map((key) => [key, []]));
  for (const row of rows) byKey.get(keyOf(row))?.push(row);
  return keys.map((key) => byKey.get(key)!);
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
