import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { TicketFieldKind } from '../../domain/tickets/ticket-field-definition.js';

/** A custom ticket field an admin defined: its name is the key in `tickets.fields`. */
@Entity({ name: 'ticket_field_definitions' })
export class TicketFieldDefinitionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** Unique, case-insensitively; fixed once created (tickets store their values under it). */
  @Column('text')
  name!: string;

  @Column('text')
  label!: string;

  /** Fixed once created: the values tickets already hold were checked against it. */
  @Column('text')
  kind!: TicketFieldKind;

  /** Only for a choice field. */
  @Column('text', { array: true, default: () => "'{}'" })
  allowedValues!: string[];

  /** An inactive field can no longer be set; tickets keep their values. */
  @Column('boolean', { default: true })
  active!: boolean;

  /** Where forms show the field (ascending, then by name). */
  @Column('integer', { default: 0 })
  position!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
