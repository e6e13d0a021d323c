import type { DataSource } from 'typeorm';
import type { LifecycleSnapshot, NewTicket, PersistedTicket } from '../../workflows/ticket/ticket.contract.js';

export interface TicketLifecycleActivityDeps {
  dataSource: DataSource;
}

/** The ticket workflow's side effects. Each one is idempotent: a retry leaves what a single run would. */
export function createTicketLifecycleActivities({ dataSource }: TicketLifecycleActivityDeps) {
  return {
    /** Writes the ticket row once; a retry (or a second workflow run) finds it and returns the same number. */
    async persistTicket(ticket: NewTicket): Promise<PersistedTicket> {
      await dataSource.query(
        `INSERT INTO tickets (id, subject, description, requester_email, channel, priority, status, lifecycle_version,
                              created_by, idempotency_key, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'new', 0, $7, $8, $9, $9)
         ON CONFLICT (id) DO NOTHING`,
        [
          ticket.id,
          ticket.subject,
          ticket.description,
          ticket.requesterEmail,
          ticket.channel,
          ticket.priority,
          ticket.createdBy,
          ticket.idempotencyKey,
          ticket.createdAt,
        ],
      );
      const [row] = await dataSource.query<Array<{ number: string; created_at: Date }>>(
        'SELECT number, created_at FROM tickets WHERE id = $1',
        [ticket.id],
      );
      return { number: String(row.number), createdAt: row.created_at.toISOString() };
    },

    /** Writes the lifecycle read model unless a newer version is already there, and appends the timeline events. */
    async recordLifecycle(snapshot: LifecycleSnapshot): Promise<void> {
      await dataSource.transaction(async (tx) => {
        await tx.query(
          `UPDATE tickets SET status = $2, priority = $3, lifecycle_version = $4, updated_at = now()
           WHERE id = $1 AND lifecycle_version < $4`,
          [snapshot.ticketId, snapshot.status, snapshot.priority, snapshot.lifecycleVersion],
        );
        for (const event of snapshot.events) {
          await tx.query(
            `INSERT INTO ticket_events (ticket_id, sequence, type, actor, occurred_at, data)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (ticket_id, sequence) DO NOTHING`,
            [snapshot.ticketId, event.sequence, event.type, event.actor, event.occurredAt, event.data],
          );
        }
      });
    },
  };
}

export type TicketLifecycleActivities = ReturnType<typeof createTicketLifecycleActivities>;
