import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { TicketPriority } from '../../../../libs/domain/tickets/ticket-fields.js';
import type { TicketStatus } from '../../../../libs/domain/tickets/ticket-status.js';
import { TicketPriorityEnum, TicketStatusEnum } from '../../common/graphql-enums.js';

@ObjectType('Macro')
export class MacroModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'The reply, with {{variables}} filled in when applied.' })
  body!: string;

  @Field()
  public!: boolean;

  @Field(() => TicketStatusEnum, { nullable: true })
  setStatus!: TicketStatus | null;

  @Field(() => TicketPriorityEnum, { nullable: true })
  setPriority!: TicketPriority | null;

  @Field(() => [String])
  addTags!: string[];

  @Field()
  updatedAt!: Date;
}
