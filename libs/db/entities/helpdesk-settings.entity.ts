import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { TicketTypeDefaults } from '../../domain/tickets/ticket-type.js';

/** The help desk's global settings: a single row (id 1), created by the migration. */
@Entity({ name: 'helpdesk_settings' })
export class HelpdeskSettingsEntity {
  @PrimaryColumn('smallint')
  id!: number;

  /** Days a solved ticket waits for the customer before it closes (1 to 365). */
  @Column('integer')
  autoCloseDays!: number;

  /** The admin's default ticket type per channel; a channel not listed: question. */
  @Column('jsonb')
  defaultTicketTypes!: TicketTypeDefaults;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

export const HELPDESK_SETTINGS_ID = 1;
