import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('RoutingAccuracyCounts')
export class RoutingAccuracyCountsModel {
  @Field(() => Int, { description: 'Tickets routed.' })
  routed!: number;

  @Field(() => Int, { description: 'Of those, moved to another group by a person after routing.' })
  misrouted!: number;

  @Field(() => Float, { description: '(routed − misrouted) / routed, 0..1; 1 when nothing was routed.' })
  accuracy!: number;
}

@ObjectType('RoutingRuleAccuracy')
export class RoutingRuleAccuracyModel extends RoutingAccuracyCountsModel {
  @Field(() => ID, { nullable: true, description: 'null: no rule matched (the fallback queue).' })
  ruleId!: string | null;

  @Field(() => String, { nullable: true, description: 'null for the fallback queue, or a rule deleted since.' })
  ruleName!: string | null;
}

@ObjectType('RoutingAccuracy')
export class RoutingAccuracyModel {
  @Field(() => RoutingAccuracyCountsModel)
  overall!: RoutingAccuracyCountsModel;

  @Field(() => [RoutingRuleAccuracyModel], { description: 'Most routed first.' })
  perRule!: RoutingRuleAccuracyModel[];
}
