import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsDate, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** The parts of `TicketsFilterInput` that are objects of their own (the flat filters stay in tickets-filter.input.ts). */

@InputType({ description: 'Tickets assigned to any of these: the caller (me), nobody (unassigned), or the agents named.' })
export class TicketAssigneeFilterInput {
  @Field({ nullable: true, description: 'Assigned to the caller.' })
  @IsOptional()
  @IsBoolean()
  me?: boolean;

  @Field({ nullable: true, description: 'Assigned to nobody (waiting in a queue).' })
  @IsOptional()
  @IsBoolean()
  unassigned?: boolean;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true })
  agentIds?: string[];
}

@InputType({ description: 'An instant range: from (inclusive) to (exclusive); either end may be left open.' })
export class InstantRangeInput {
  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  to?: Date;
}

export const AT_RISK_MAX_MINUTES = 7 * 24 * 60;

@InputType({ description: 'SLA state from the read model the ticket workflows keep (the next deadline and the first breach).' })
export class TicketSlaFilterInput {
  @Field({
    nullable: true,
    description: 'true: a target was missed (or a running clock is past its deadline); false: none was.',
  })
  @IsOptional()
  @IsBoolean()
  breached?: boolean;

  @Field(() => Int, { nullable: true, description: `Not breached yet, but the next deadline falls within this many minutes (1 to ${AT_RISK_MAX_MINUTES}).` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(AT_RISK_MAX_MINUTES)
  atRiskWithinMinutes?: number;
}
