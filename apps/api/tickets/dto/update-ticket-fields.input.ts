import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { TICKET_LIMITS } from '../../../../libs/domain/tickets/ticket-fields.js';

@InputType({ description: 'A custom field to set, or to remove (value null).' })
export class TicketFieldChangeInput {
  @Field()
  @IsString()
  @Length(1, TICKET_LIMITS.formFieldMaxLength)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, TICKET_LIMITS.formFieldMaxLength)
  value?: string | null;
}

/** Only the fields named change; the others stay. */
@InputType()
export class UpdateTicketFieldsInput {
  @Field(() => ID)
  @IsUUID()
  ticketId!: string;

  @Field(() => [TicketFieldChangeInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(TICKET_LIMITS.maxFormFields)
  @ValidateNested({ each: true })
  @Type(() => TicketFieldChangeInput)
  fields!: TicketFieldChangeInput[];
}
