import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { TicketChannel, TicketPriority } from '../../domain/tickets/ticket-fields.js';
import type { TicketStatus } from '../../domain/tickets/ticket-status.js';

/**
 * A ticket's facts (owned by PostgreSQL) and a read model of its lifecycle (owned by its workflow, written only by the
 * workflow's activities, guarded by lifecycleVersion so a late write never overwrites a newer one).
 */
@Entity({ name: 'tickets' })
export class TicketEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** Human-friendly number, assigned by the database. */
  @Column({ type: 'bigint', insert: false, update: false })
  number!: string;

  @Column('text')
  subject!: string;

  @Column('text')
  description!: string;

  @Column('text')
  requesterEmail!: string;

  @Column('text')
  channel!: TicketChannel;

  @Column('text')
  priority!: TicketPriority;

  @Column('text')
  status!: TicketStatus;

  @Column('integer')
  lifecycleVersion!: number;

  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  @Column('text', { nullable: true })
  idempotencyKey!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
