import { Field, ID, InputType } from '@nestjs/graphql';
import type { TicketChannel, TicketPriority } from '../../../../libs/domain/tickets/ticket-fields.js';
import type { TicketType } from '../../../../libs/domain/tickets/ticket-type.js';
import { TicketChannelEnum, TicketPriorityEnum, TicketTypeEnum } from '../../common/graphql-enums.js';

// A list argument is not run through the validation pipe: the simulator checks sizes itself.

@InputType()
export class ScenarioFieldInput {
  @Field()
  name!: string;

  @Field()
  value!: string;
}

@InputType({ description: 'A realistic ticket for the simulator: the same fields as a real one, its arrival, and where it should go.' })
export class RoutingScenarioInput {
  @Field(() => String, { nullable: true, description: 'To recognize the scenario in the report.' })
  name?: string | null;

  @Field()
  subject!: string;

  @Field({ defaultValue: '' })
  description!: string;

  @Field()
  requesterEmail!: string;

  @Field(() => TicketChannelEnum)
  channel!: TicketChannel;

  @Field(() => TicketPriorityEnum, { defaultValue: 'normal' })
  priority!: TicketPriority;

  @Field(() => TicketTypeEnum, { nullable: true, description: "Omitted: the channel's default type (QUESTION)." })
  type?: TicketType | null;

  @Field(() => String, { nullable: true })
  organizationId?: string | null;

  @Field(() => String, { nullable: true })
  customerTier?: string | null;

  @Field(() => [ScenarioFieldInput], { defaultValue: [] })
  fields!: ScenarioFieldInput[];

  @Field()
  arrivedAt!: Date;

  @Field(() => ID, { nullable: true, description: 'The group the ticket should reach (the fallback group for "unrouted").' })
  expectedGroupId?: string | null;

  @Field(() => String, { nullable: true, description: 'The same by group name, for scenario files written before the groups exist.' })
  expectedGroupName?: string | null;
}
