import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { TICKET_LIMITS } from '../../../../libs/domain/tickets/ticket-fields.js';

const NOT_BLANK = /\S/;
const PORTAL_NAME_MAX_LENGTH = 200;
/** Room for the `portal:` prefix within the tickets' own key limit. */
const PORTAL_IDEMPOTENCY_KEY_MAX_LENGTH = TICKET_LIMITS.idempotencyKeyMaxLength - 'portal:'.length;

@InputType({ description: "A customer's request through the portal's form; it becomes a ticket on the web channel." })
export class SubmitPortalRequestInput {
  @Field({ description: 'How the customer wants to be addressed.' })
  @IsString()
  @Length(1, PORTAL_NAME_MAX_LENGTH, { message: `name must be 1 to ${PORTAL_NAME_MAX_LENGTH} characters` })
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name!: string;

  @Field({ description: 'Where the link to follow the request is mailed.' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(TICKET_LIMITS.emailMaxLength, { message: `email must be at most ${TICKET_LIMITS.emailMaxLength} characters` })
  email!: string;

  @Field()
  @IsString()
  @Length(1, TICKET_LIMITS.subjectMaxLength, { message: `subject must be 1 to ${TICKET_LIMITS.subjectMaxLength} characters` })
  @Matches(NOT_BLANK, { message: 'subject must not be blank' })
  subject!: string;

  @Field()
  @IsString()
  @Length(1, TICKET_LIMITS.descriptionMaxLength, { message: `description must be 1 to ${TICKET_LIMITS.descriptionMaxLength} characters` })
  @Matches(NOT_BLANK, { message: 'description must not be blank' })
  description!: string;

  @Field({ nullable: true, description: 'One per filled-in form: sending it again (a retry) gives no second request.' })
  @IsOptional()
  @IsString()
  @Length(1, PORTAL_IDEMPOTENCY_KEY_MAX_LENGTH)
  idempotencyKey?: string;
}
