import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TicketEntity } from '../../../libs/db/entities/ticket.entity.js';
import { mergedIntoOf, ticketsMergedInto } from '../../../libs/db/ticket-merges.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { fieldError, userError } from '../common/user-error.js';
import type { MergeTicketsInput } from './dto/merge-tickets.input.js';
import type { TicketMergeResultModel } from './models/ticket-merge-result.model.js';
import type { TicketReader } from './ticket-visibility.js';
import { TicketWorkflowsClient } from './ticket-workflows.client.js';
import { TicketsService } from './tickets.service.js';

/**
 * Merging a duplicate into a primary ticket. The messages are linked, not moved: they stay on the duplicate (its own
 * times, replies and report facts stay true, and the mails and attachments that point at it stay valid), and the
 * primary lists its merged tickets (`mergedTickets`), whose conversations an agent reads there. The duplicate's workflow
 * does the rest (see ticket.workflow.ts): the primary's timeline notes it, the duplicate closes as merged, its
 * requester gets one mail, and replies to the duplicate's mails go on in the primary (inbound-mail.service.ts).
 *
 * Only tickets of one requester merge: merging another person's request would either cut that person off from the
 * answer or copy them on someone else's conversation.
 */
@Injectable()
export class TicketMergeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tickets: TicketsService,
    private readonly workflows: TicketWorkflowsClient,
  ) {}

  async merge({ duplicateTicketId, primaryTicketId }: MergeTicketsInput, caller: AuthenticatedUser): Promise<TicketMergeResultModel> {
    if (duplicateTicketId === primaryTicketId) throw fieldError('primaryTicketId', 'primaryTicketId: a ticket cannot be merged into itself.');
    // One merge at a time for the pair (locks taken in id order): A into B and B into A at once would otherwise close both.
    return this.dataSource.transaction(async (manager) => {
      for (const id of [duplicateTicketId, primaryTicketId].sort()) await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`merge:${id}`]);
      return this.mergeLocked(duplicateTicketId, primaryTicketId, caller);
    });
  }

  private async mergeLocked(duplicateTicketId: string, primaryTicketId: string, caller: AuthenticatedUser): Promise<TicketMergeResultModel> {
    const duplicate = await this.tickets.get(duplicateTicketId, caller);
    const primary = await this.tickets.get(primaryTicketId, caller);
    if (duplicate.status === 'closed') throw userError('CONFLICT', `Ticket #${duplicate.number} is closed: it can no longer be merged.`);
    if (primary.status === 'closed') throw userError('CONFLICT', `Ticket #${primary.number} is closed: nothing can be merged into it.`);
    // An imported ticket that was already done in the old help desk has no workflow to take the merge.
    if (primary.lifecycleVersion === 0 && primary.status === 'solved') {
      throw userError('CONFLICT', `Ticket #${primary.number} was imported solved and is not worked here: nothing can be merged into it.`);
    }
    if (primary.requesterEmail !== duplicate.requesterEmail) {
      throw fieldError(
        'primaryTicketId',
        `primaryTicketId: ticket #${primary.number} is ${primary.requesterEmail}'s and #${duplicate.number} is ${duplicate.requesterEmail}'s; ` +
          'only tickets of the same requester merge (add a collaborator instead to copy someone on a ticket).',
      );
    }
    await this.workflows.mergeInto(duplicate.id, {
      primaryTicketId: primary.id,
      primaryNumber: primary.number,
      primarySubject: primary.subject,
      actorUserId: caller.id,
    });
    return { duplicate: await this.tickets.get(duplicate.id, 'system'), primary: await this.tickets.get(primary.id, 'system') };
  }

  /** The primary the ticket was merged into, if the reader may see it. */
  async mergedInto(ticketId: string, reader: TicketReader): Promise<TicketEntity | null> {
    const primaryId = await mergedIntoOf(this.dataSource.manager, ticketId);
    return primaryId === null ? null : this.visibleOrNull(primaryId, reader);
  }

  /** The tickets merged into this one that the reader may see, in the order they were merged. */
  async mergedTickets(ticketId: string, reader: TicketReader): Promise<TicketEntity[]> {
    const merged = await Promise.all((await ticketsMergedInto(this.dataSource.manager, ticketId)).map((id) => this.visibleOrNull(id, reader)));
    return merged.filter((ticket): ticket is TicketEntity => ticket !== null);
  }

  private visibleOrNull(ticketId: string, reader: TicketReader): Promise<TicketEntity | null> {
    return this.tickets.get(ticketId, reader).catch(() => null);
  }
}
