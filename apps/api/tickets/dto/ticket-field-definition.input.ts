import { Field, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import {
  TICKET_FIELD_DEFINITION_LIMITS,
  TICKET_FIELD_KINDS,
  type TicketFieldKind,
} from '../../../../libs/domain/tickets/ticket-field-definition.js';
import { TICKET_LIMITS } from '../../../../libs/domain/tickets/ticket-fields.js';
import { StringListField } from '../../common/list-fields.js';
import { TicketFieldKindEnum } from '../../common/graphql-enums.js';

// Types and sizes are checked here; whether the definition makes sense is validateTicketFieldDefinition's to say.

@InputType({ description: 'A new custom ticket field.' })
export class CreateTicketFieldDefinitionInput {
  @Field({ description: 'The key of its value in a ticket\'s fields (e.g. "product"); unique ignoring case; fixed once created.' })
  @IsString()
  @Length(1, TICKET_LIMITS.formFieldMaxLength)
  name!: string;

  @Field({ description: 'What forms show.' })
  @IsString()
  @Length(1, TICKET_FIELD_DEFINITION_LIMITS.labelMaxLength)
  label!: string;

  @Field(() => TicketFieldKindEnum, { description: 'Fixed once created.' })
  @IsIn(TICKET_FIELD_KINDS)
  kind!: TicketFieldKind;

  @StringListField({
    max: TICKET_FIELD_DEFINITION_LIMITS.maxAllowedValues,
    maxLength: TICKET_LIMITS.formFieldMaxLength,
    description: 'The values a CHOICE field takes (required for CHOICE, none for the other kinds).',
  })
  allowedValues!: string[];

  @Field(() => Int, { nullable: true, description: 'Where forms show it (ascending); default: after the others.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'An inactive field can no longer be set. Default: true.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean | null;
}

@InputType({ description: 'Changes to a custom ticket field; what is omitted stays. Name and kind are fixed.' })
export class UpdateTicketFieldDefinitionInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, TICKET_FIELD_DEFINITION_LIMITS.labelMaxLength)
  label?: string | null;

  @Field(() => [String], { nullable: true, description: 'Replaces the allowed values (tickets keep the values they have).' })
  @IsOptional()
  @IsString({ each: true })
  @Length(1, TICKET_LIMITS.formFieldMaxLength, { each: true })
  allowedValues?: string[] | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean | null;
}
