import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { RequestValues } from '../../domain/catalog/catalog-item.js';
import type { SlaMetric } from '../../domain/sla/sla-metric.js';
import type { TicketChannel, TicketPriority } from '../../domain/tickets/ticket-fields.js';
import type { TicketStatus } from '../../domain/tickets/ticket-status.js';
import type { TicketType } from '../../domain/tickets/ticket-type.js';

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

  /** Written by the ticket's workflow with the rest of its classification. */
  @Column('text')
  type!: TicketType;

  @Column('text')
  status!: TicketStatus;

  @Column('integer')
  lifecycleVersion!: number;

  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  @Column('text', { nullable: true })
  idempotencyKey!: string | null;

  /** Facts SLA policies match on; the workflow owns changes to them after creation. */
  @Column('text', { nullable: true })
  organizationId!: string | null;

  @Column('text', { nullable: true })
  customerTier!: string | null;

  @Column('text', { nullable: true })
  groupId!: string | null;

  @Column('text', { array: true })
  tags!: string[];

  /** The closed ticket a customer's late reply followed up on. */
  @Column('uuid', { nullable: true })
  followUpOf!: string | null;

  @Column('uuid', { nullable: true })
  slaPolicyId!: string | null;

  @Column('text', { nullable: true })
  slaPolicyName!: string | null;

  /** The earliest deadline among the running SLA clocks (in the past once breached); null when none runs. */
  @Column('timestamptz', { nullable: true })
  slaDeadline!: Date | null;

  @Column('text', { nullable: true })
  slaDeadlineMetric!: SlaMetric | null;

  @Column('timestamptz', { nullable: true })
  slaBreachedAt!: Date | null;

  @Column('integer')
  escalationLevel!: number;

  @Column('timestamptz', { nullable: true })
  solvedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  closedAt!: Date | null;

  @Column('uuid', { nullable: true })
  assigneeId!: string | null;

  /** The rule that routed the ticket (null: a person chose the group, or the fallback queue took it). */
  @Column('uuid', { nullable: true })
  routingRuleId!: string | null;

  @Column('text', { nullable: true })
  routedGroupId!: string | null;

  /** A person moved the ticket away from the group routing chose. */
  @Column('boolean')
  misrouted!: boolean;

  @Column('jsonb')
  fields!: Record<string, string>;

  /** Since when the ticket waits in its group's queue for an available agent. */
  @Column('timestamptz', { nullable: true })
  queuedAt!: Date | null;

  /** The requester as a customer record (null for tickets from before customers existed). */
  @Column('uuid', { nullable: true })
  customerId!: string | null;

  /** An incident's problem; written by the incident's workflow when an agent links or unlinks it. */
  @Column('uuid', { nullable: true })
  problemId!: string | null;

  /** A service request's service and request item (null for other tickets), written with the ticket's other facts. */
  @Column('uuid', { nullable: true })
  serviceId!: string | null;

  @Column('uuid', { nullable: true })
  requestItemId!: string | null;

  /** The request's form values as submitted and validated ({ fieldName: value }); null for other tickets. */
  @Column('jsonb', { nullable: true })
  requestValues!: RequestValues | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
