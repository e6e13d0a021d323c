import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { fieldError } from '../common/user-error.js';
import type { TicketCollaboratorInput } from './dto/ticket-collaborator.input.js';
import type { TicketCollaboratorModel } from './models/ticket-collaborator.model.js';
import { TicketWorkflowsClient } from './ticket-workflows.client.js';
import { TicketsService } from './tickets.service.js';

/** Enough for a team copied on a ticket; a mailing list belongs in one address. */
export const MAX_COLLABORATORS = 20;

/**
 * Collaborators (CC) of a ticket: addresses copied on its public agent replies (email.activities.ts), whose mail
 * threads onto the ticket like the requester's (inbound-mail.service.ts). The addresses are content, kept in
 * PostgreSQL; each change is then put on the timeline by the ticket's workflow, and undone here if the workflow refuses
 * it (a closed ticket), as replies are.
 */
@Injectable()
export class TicketCollaboratorsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tickets: TicketsService,
    private readonly workflows: TicketWorkflowsClient,
  ) {}

  /** Adding an address already there changes nothing and records nothing. */
  async add(input: TicketCollaboratorInput, caller: AuthenticatedUser): Promise<TicketCollaboratorModel[]> {
    const ticket = await this.tickets.get(input.ticketId, caller);
    const email = input.email.toLowerCase();
    if (email === ticket.requesterEmail) throw fieldError('email', `email: ${email} is the requester of #${ticket.number}; they get every public reply already.`);
    const current = await this.list(ticket.id);
    if (current.some((collaborator) => collaborator.email === email)) return current;
    if (current.length >= MAX_COLLABORATORS) throw fieldError('email', `email: #${ticket.number} has ${MAX_COLLABORATORS} collaborators, the most a ticket takes.`);
    const added = await this.dataSource.query<unknown[]>(
      `INSERT INTO ticket_collaborators (ticket_id, email, added_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING email`,
      [ticket.id, email, caller.id],
    );
    if (added.length === 0) return this.list(ticket.id); // added by someone else meanwhile
    try {
      await this.workflows.collaboratorChanged(ticket.id, { action: 'added', email, actorUserId: caller.id });
    } catch (error) {
      await this.dataSource.query('DELETE FROM ticket_collaborators WHERE ticket_id = $1 AND email = $2', [ticket.id, email]);
      throw error;
    }
    return this.list(ticket.id);
  }

  async remove(input: TicketCollaboratorInput, caller: AuthenticatedUser): Promise<TicketCollaboratorModel[]> {
    const ticket = await this.tickets.get(input.ticketId, caller);
    const email = input.email.toLowerCase();
    // TypeORM answers a DELETE with [rows, count].
    const [[removed]] = await this.dataSource.query<[Array<{ added_by: string | null; added_at: Date }>, number]>(
      'DELETE FROM ticket_collaborators WHERE ticket_id = $1 AND email = $2 RETURNING added_by, added_at',
      [ticket.id, email],
    );
    if (!removed) throw fieldError('email', `email: ${email} is not a collaborator on #${ticket.number}.`);
    try {
      await this.workflows.collaboratorChanged(ticket.id, { action: 'removed', email, actorUserId: caller.id });
    } catch (error) {
      await this.dataSource.query(
        'INSERT INTO ticket_collaborators (ticket_id, email, added_by, added_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
        [ticket.id, email, removed.added_by, removed.added_at],
      );
      throw error;
    }
    return this.list(ticket.id);
  }

  /** In the order they were added. */
  async list(ticketId: string): Promise<TicketCollaboratorModel[]> {
    const rows = await this.dataSource.query<Array<{ email: string; added_by: string | null; added_at: Date }>>(
      'SELECT email, added_by, added_at FROM ticket_collaborators WHERE ticket_id = $1 ORDER BY added_at, email',
      [ticketId],
    );
    return rows.map((row) => ({ email: row.email, addedBy: row.added_by, addedAt: row.added_at }));
  }
}
