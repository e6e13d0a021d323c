import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { TicketChannel } from '../../../../libs/domain/tickets/ticket-fields.js';
import type { TicketType } from '../../../../libs/domain/tickets/ticket-type.js';
import { TicketChannelEnum, TicketTypeEnum } from '../../common/graphql-enums.js';

@ObjectType('ChannelTicketType', { description: 'The type a ticket created or imported on this channel without one gets.' })
export class ChannelTicketTypeModel {
  @Field(() => TicketChannelEnum)
  channel!: TicketChannel;

  @Field(() => TicketTypeEnum)
  type!: TicketType;
}

@ObjectType('HelpdeskSettings', { description: "The help desk's global settings." })
export class HelpdeskSettingsModel {
  @Field(() => Int, { description: 'Days a solved ticket waits for the customer before it closes.' })
  autoCloseDays!: number;

  @Field(() => [ChannelTicketTypeModel], { description: 'Every channel with its default ticket type (the admin\'s, or QUESTION).' })
  defaultTicketTypes!: ChannelTicketTypeModel[];

  @Field()
  updatedAt!: Date;
}
