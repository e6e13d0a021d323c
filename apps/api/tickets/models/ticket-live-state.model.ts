import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { TicketPriority } from '../../../../libs/domain/tickets/ticket-fields.js';
import type { TicketStatus } from '../../../../libs/domain/tickets/ticket-status.js';
import type { TicketType } from '../../../../libs/domain/tickets/ticket-type.js';
import { TicketPriorityEnum, TicketStatusEnum, TicketTypeEnum } from '../../common/graphql-enums.js';

@ObjectType('TicketLiveState', { description: "The ticket workflow's own state, read by a workflow query." })
export class TicketLiveStateModel {
  @Field(() => TicketStatusEnum)
  status!: TicketStatus;

  @Field(() => TicketPriorityEnum)
  priority!: TicketPriority;

  @Field(() => TicketTypeEnum)
  type!: TicketType;

  @Field(() => String, { nullable: true })
  groupId!: string | null;

  @Field(() => Int)
  lifecycleVersion!: number;

  @Field(() => Date, { nullable: true })
  lastAgentReplyAt!: Date | null;
}
