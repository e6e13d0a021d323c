import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { TICKET_LIMITS } from '../../../../libs/domain/tickets/ticket-fields.js';

/** Longer than any token the worker signs. */
const PORTAL_TOKEN_MAX_LENGTH = 200;
/** Room for the `portal:` prefix within the tickets' own key limit. */
const PORTAL_IDEMPOTENCY_KEY_MAX_LENGTH = TICKET_LIMITS.idempotencyKeyMaxLength - 'portal:'.length;

@InputType({ description: "The customer's answer on the request's page." })
export class ReplyToPortalRequestInput {
  @Field({ description: 'The token from the mailed link.' })
  @IsString()
  @MaxLength(PORTAL_TOKEN_MAX_LENGTH)
  token!: string;

  @Field()
  @IsString()
  @Length(1, TICKET_LIMITS.messageMaxLength, { message: `body must be 1 to ${TICKET_LIMITS.messageMaxLength} characters` })
  @Matches(/\S/, { message: 'body must not be blank' })
  body!: string;

  @Field({ nullable: true, description: 'One per answer typed: sending it again (a retry) records it once.' })
  @IsOptional()
  @IsString()
  @Length(1, PORTAL_IDEMPOTENCY_KEY_MAX_LENGTH)
  idempotencyKey?: string;
}
