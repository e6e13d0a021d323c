import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One line of a ticket's timeline, written by the ticket workflow; (ticketId, sequence) makes the write idempotent. */
@Entity({ name: 'ticket_events' })
export class TicketEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column('uuid')
  ticketId!: string;

  @Column('integer')
  sequence!: number;

  @Column('text')
  type!: string;

  /** Who caused it: a user id, or 'system' for timers and automation. */
  @Column('text')
  actor!: string;

  @Column('timestamptz')
  occurredAt!: Date;

  @Column('jsonb')
  data!: Record<string, unknown>;
}
