import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { TicketChannel, TicketPriority } from '../../../../libs/domain/tickets/ticket-fields.js';
import type { TicketStatus } from '../../../../libs/domain/tickets/ticket-status.js';
import type { TicketType } from '../../../../libs/domain/tickets/ticket-type.js';
import { TicketChannelEnum, TicketPriorityEnum, TicketStatusEnum, TicketTypeEnum } from '../../common/graphql-enums.js';

@ObjectType('Ticket', { description: 'A ticket as PostgreSQL knows it; `live` asks its workflow.' })
export class TicketModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Human-friendly number.' })
  number!: string;

  @Field()
  subject!: string;

  @Field()
  description!: string;

  @Field()
  requesterEmail!: string;

  @Field(() => TicketChannelEnum)
  channel!: TicketChannel;

  @Field(() => TicketPriorityEnum)
  priority!: TicketPriority;

  @Field(() => TicketTypeEnum, { description: 'question, incident, problem, service request or task; changed through reclassifyTicket.' })
  type!: TicketType;

  @Field(() => TicketStatusEnum, { description: 'As last written by the workflow (see `live` for the current value).' })
  status!: TicketStatus;

  @Field(() => String, { nullable: true })
  groupId!: string | null;

  @Field(() => String, { nullable: true })
  organizationId!: string | null;

  @Field(() => String, { nullable: true })
  customerTier!: string | null;

  @Field(() => [String])
  tags!: string[];

  @Field(() => ID, { nullable: true, description: 'The agent working the ticket; null while it waits in its group queue.' })
  assigneeId!: string | null;

  @Field(() => Date, { nullable: true, description: 'Since when the ticket waits for an available agent.' })
  queuedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The routing rule that chose the group (null: the fallback queue, or a person).' })
  routingRuleId!: string | null;

  @Field({ description: 'A person moved the ticket away from the group routing chose.' })
  misrouted!: boolean;

  @Field(() => ID, { nullable: true, description: 'The closed ticket this one follows up on.' })
  followUpOf!: string | null;

  @Field(() => String, { nullable: true, description: 'The SLA policy that applies (see `sla` for live clocks).' })
  slaPolicyName!: string | null;

  @Field(() => Date, { nullable: true, description: 'The next SLA deadline among running clocks; in the past once breached.' })
  slaDeadline!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the first SLA target was missed.' })
  slaBreachedAt!: Date | null;

  @Field(() => Int)
  escalationLevel!: number;

  @Field(() => Date, { nullable: true })
  solvedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  /** The row's link, read by `problem` (not a field itself: a problem the reader may not see must not show its id). */
  problemId!: string | null;
}
