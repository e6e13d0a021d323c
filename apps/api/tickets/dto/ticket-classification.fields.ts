import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { TICKET_TYPES, type TicketType } from '../../../../libs/domain/tickets/ticket-type.js';
import { TicketTypeEnum } from '../../common/graphql-enums.js';

export const CLASSIFICATION_LIMITS = { idMaxLength: 100, tagMaxLength: 50, maxTags: 20 } as const;

/** The facts SLA policies (and later routing rules) match on, shared by createTicket and reclassifyTicket. */
@InputType({ isAbstract: true })
export abstract class TicketClassificationFields {
  @Field(() => String, { nullable: true, description: 'The group (queue) working the ticket.' })
  @IsOptional()
  @IsString()
  @Length(1, CLASSIFICATION_LIMITS.idMaxLength)
  groupId?: string | null;

  @Field(() => String, { nullable: true, description: "The requester's organization." })
  @IsOptional()
  @IsString()
  @Length(1, CLASSIFICATION_LIMITS.idMaxLength)
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: "The requester's customer tier, e.g. vip." })
  @IsOptional()
  @IsString()
  @Length(1, CLASSIFICATION_LIMITS.idMaxLength)
  customerTier?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(CLASSIFICATION_LIMITS.maxTags)
  @IsString({ each: true })
  @Length(1, CLASSIFICATION_LIMITS.tagMaxLength, { each: true })
  tags?: string[] | null;

  @Field(() => TicketTypeEnum, { nullable: true, description: "The ticket's type; on create, omitted: the channel's default (QUESTION)." })
  @IsOptional()
  @IsIn(TICKET_TYPES)
  type?: TicketType | null;
}
