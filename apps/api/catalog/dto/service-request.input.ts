import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import { CATALOG_LIMITS } from '../../../../libs/domain/catalog/catalog-item.js';
import { TICKET_LIMITS, TICKET_PRIORITIES, type TicketPriority } from '../../../../libs/domain/tickets/ticket-fields.js';
import { TicketPriorityEnum } from '../../common/graphql-enums.js';

/** Room for the portal's `portal:` prefix within the tickets' own key limit. */
const PORTAL_IDEMPOTENCY_KEY_MAX_LENGTH = TICKET_LIMITS.idempotencyKeyMaxLength - 'portal:'.length;
const REQUESTER_NAME_MAX_LENGTH = 200;

@InputType({ description: 'The value of one form field, as text (a date YYYY-MM-DD, a number as written).' })
export class RequestValueInput {
  @Field()
  @IsString()
  @MaxLength(64)
  name!: string;

  @Field()
  @IsString()
  @MaxLength(CATALOG_LIMITS.valueMaxLength)
  value!: string;
}

/** What both ways of requesting take; how each form field's value is checked is the domain's (request-form-values.ts). */
@InputType({ isAbstract: true })
export abstract class ServiceRequestFields {
  @Field(() => ID, { description: 'The request item asked for.' })
  @IsUUID('all', { message: 'itemId must be a request item id (a UUID)' })
  itemId!: string;

  @Field()
  @IsEmail({}, { message: 'requesterEmail must be an email address' })
  @MaxLength(TICKET_LIMITS.emailMaxLength)
  requesterEmail!: string;

  @Field(() => [RequestValueInput], { defaultValue: [], description: "The form's values; BAD_USER_INPUT names each wrong one as values.<name>." })
  @IsArray()
  @ArrayMaxSize(CATALOG_LIMITS.maxFormFields)
  @ValidateNested({ each: true })
  @Type(() => RequestValueInput)
  values!: RequestValueInput[];
}

@InputType({ description: 'A service request an agent makes for a requester, from a catalog item.' })
export class CreateServiceRequestInput extends ServiceRequestFields {
  @Field(() => TicketPriorityEnum, { defaultValue: 'normal' })
  @IsIn(TICKET_PRIORITIES)
  priority!: TicketPriority;

  @Field({ nullable: true, description: 'Retrying with the same key returns the same request instead of a second one.' })
  @IsOptional()
  @IsString()
  @Length(1, TICKET_LIMITS.idempotencyKeyMaxLength)
  idempotencyKey?: string;
}

@InputType({ description: "A customer's service request through the portal's catalog (an active, customer-visible item)." })
export class SubmitPortalServiceRequestInput extends ServiceRequestFields {
  @Field({ nullable: true, description: 'How the customer wants to be addressed.' })
  @IsOptional()
  @IsString()
  @Length(1, REQUESTER_NAME_MAX_LENGTH)
  requesterName?: string;

  @Field({ nullable: true, description: 'One per filled-in form: sending it again (a retry) gives no second request.' })
  @IsOptional()
  @IsString()
  @Length(1, PORTAL_IDEMPOTENCY_KEY_MAX_LENGTH)
  idempotencyKey?: string;
}
