import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { TICKET_LIMITS } from '../../../../libs/domain/tickets/ticket-fields.js';

export const DEV_OUTBOX_MAX_PAGE = 200;

@ArgsType()
export class DevOutboxArgs {
  @Field(() => String, { nullable: true, description: 'Only mail to this address (case-insensitive).' })
  @IsOptional()
  @IsString()
  @MaxLength(TICKET_LIMITS.emailMaxLength)
  to?: string | null;

  @Field(() => Int, { defaultValue: 50 })
  @IsInt()
  @Min(1)
  @Max(DEV_OUTBOX_MAX_PAGE)
  first!: number;
}
