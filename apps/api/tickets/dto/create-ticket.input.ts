import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import {
  TICKET_CHANNELS,
  TICKET_LIMITS,
  TICKET_PRIORITIES,
  type TicketChannel,
  type TicketPriority,
} from '../../../../libs/domain/tickets/ticket-fields.js';
import { TicketChannelEnum, TicketPriorityEnum } from '../../common/graphql-enums.js';
import { TicketClassificationFields } from './ticket-classification.fields.js';
import { TicketFieldInput } from './ticket-field.input.js';

const NOT_BLANK = /\S/;

@InputType()
export class CreateTicketInput extends TicketClassificationFields {
  @Field()
  @IsString()
  @Length(1, TICKET_LIMITS.subjectMaxLength)
  @Matches(NOT_BLANK, { message: 'subject must not be blank' })
  subject!: string;

  @Field()
  @IsString()
  @Length(1, TICKET_LIMITS.descriptionMaxLength)
  @Matches(NOT_BLANK, { message: 'description must not be blank' })
  description!: string;

  @Field()
  @IsEmail({}, { message: 'requesterEmail must be an email address' })
  @MaxLength(TICKET_LIMITS.emailMaxLength)
  requesterEmail!: string;

  @Field(() => TicketChannelEnum)
  @IsIn(TICKET_CHANNELS)
  channel!: TicketChannel;

  @Field(() => TicketPriorityEnum, { defaultValue: 'normal' })
  @IsIn(TICKET_PRIORITIES)
  priority!: TicketPriority;

  @Field(() => [TicketFieldInput], { nullable: true, description: 'Form fields (product, category, …) routing rules match on.' })
  @IsOptional()
  @ArrayMaxSize(TICKET_LIMITS.maxFormFields)
  @ValidateNested({ each: true })
  @Type(() => TicketFieldInput)
  fields?: TicketFieldInput[] | null;

  @Field({ nullable: true, description: 'Retrying with the same key returns the same ticket instead of a second one.' })
  @IsOptional()
  @IsString()
  @Length(1, TICKET_LIMITS.idempotencyKeyMaxLength)
  idempotencyKey?: string;
}
