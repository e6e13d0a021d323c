import { Field, InputType } from '@nestjs/graphql';
import { IsString, Length, Matches, MaxLength } from 'class-validator';
import { TICKET_LIMITS } from '../../../../libs/domain/tickets/ticket-fields.js';

/** Longer than any token the worker signs. */
const PORTAL_TOKEN_MAX_LENGTH = 200;

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
}
