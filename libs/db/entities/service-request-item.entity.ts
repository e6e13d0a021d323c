import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { FormField, FulfilmentTaskTemplate, ItemApproval } from '../../domain/catalog/catalog-item.js';

/** What can be requested of a service: the form to fill in, an optional approval, the tasks that fulfil it. */
@Entity({ name: 'service_request_items' })
export class ServiceRequestItemEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  serviceId!: string;

  /** Unique within its service, case-insensitively. */
  @Column('text')
  name!: string;

  @Column('text', { default: '' })
  description!: string;

  @Column('boolean', { default: true })
  customerVisible!: boolean;

  @Column('boolean', { default: true })
  active!: boolean;

  /** Where the item is listed within its service, lowest first. */
  @Column('integer')
  position!: number;

  @Column('jsonb', { default: () => "'[]'" })
  formFields!: FormField[];

  /** null: requests of the item need no approval. */
  @Column('jsonb', { nullable: true })
  approval!: ItemApproval | null;

  @Column('jsonb', { default: () => "'[]'" })
  fulfilmentTasks!: FulfilmentTaskTemplate[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
