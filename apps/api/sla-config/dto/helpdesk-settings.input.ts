import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { TICKET_CHANNELS, type TicketChannel } from '../../../../libs/domain/tickets/ticket-fields.js';
import { TICKET_TYPES, type TicketType } from '../../../../libs/domain/tickets/ticket-type.js';
import { TicketChannelEnum, TicketTypeEnum } from '../../common/graphql-enums.js';

export const AUTO_CLOSE_DAYS = { min: 1, max: 365 } as const;

@InputType({ description: 'The type a ticket created or imported on this channel without one gets.' })
export class ChannelTicketTypeInput {
  @Field(() => TicketChannelEnum)
  @IsIn(TICKET_CHANNELS)
  channel!: TicketChannel;

  @Field(() => TicketTypeEnum)
  @IsIn(TICKET_TYPES)
  type!: TicketType;
}

/** Only the settings given change. */
@InputType()
export class UpdateHelpdeskSettingsInput {
  @Field(() => Int, {
    nullable: true,
    description: `Days a solved ticket waits for the customer before it closes, ${AUTO_CLOSE_DAYS.min} to ${AUTO_CLOSE_DAYS.max}; omitted: unchanged.`,
  })
  @IsOptional()
  @IsInt()
  @Min(AUTO_CLOSE_DAYS.min, { message: `autoCloseDays must be at least ${AUTO_CLOSE_DAYS.min}` })
  @Max(AUTO_CLOSE_DAYS.max, { message: `autoCloseDays must be at most ${AUTO_CLOSE_DAYS.max}` })
  autoCloseDays?: number | null;

  @Field(() => [ChannelTicketTypeInput], {
    nullable: true,
    description: "Default ticket types by channel, replacing the ones set before; a channel not listed: QUESTION. Omitted: unchanged.",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(TICKET_CHANNELS.length)
  @ValidateNested({ each: true })
  @Type(() => ChannelTicketTypeInput)
  defaultTicketTypes?: ChannelTicketTypeInput[] | null;
}
