import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { TicketChannel, TicketPriority } from '../../../../libs/domain/tickets/ticket-fields.js';
import type { TicketStatus } from '../../../../libs/domain/tickets/ticket-status.js';
import { TicketChannelEnum, TicketPriorityEnum, TicketStatusEnum } from '../../common/graphql-enums.js';

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

  @Field(() => TicketStatusEnum, { description: 'As last written by the workflow (see `live` for the current value).' })
  status!: TicketStatus;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}
