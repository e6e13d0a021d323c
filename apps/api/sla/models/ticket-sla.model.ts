import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { ClockState, SlaMetric } from '../../../../libs/domain/sla/index.js';
import { SlaClockStateEnum, SlaMetricEnum } from '../../common/graphql-enums.js';

@ObjectType('SlaPolicyChoice', { description: 'The SLA policy that applies to a ticket, and why.' })
export class SlaPolicyChoiceModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'Which of its conditions matched the ticket.' })
  reason!: string;
}

@ObjectType('SlaBreach')
export class SlaBreachModel {
  @Field({ description: 'When the clock reached its target.' })
  deadline!: Date;

  @Field({ description: 'When the ticket workflow handled the breach.' })
  detectedAt!: Date;

  @Field(() => Int)
  overdueSeconds!: number;
}

@ObjectType('SlaMetricStatus', { description: "One SLA metric's clock, live from the ticket workflow." })
export class SlaMetricStatusModel {
  @Field(() => SlaMetricEnum)
  metric!: SlaMetric;

  @Field(() => SlaClockStateEnum)
  state!: ClockState;

  @Field(() => Int)
  targetMinutes!: number;

  @Field({ description: 'Counted in the business calendar’s working time (false: around the clock).' })
  businessHours!: boolean;

  @Field(() => Int, { description: 'Business (or calendar) time counted so far.' })
  elapsedSeconds!: number;

  @Field(() => Int, { description: 'Target minus elapsed; negative once overdue.' })
  remainingSeconds!: number;

  @Field(() => Date, { nullable: true, description: 'When the target is (or was) reached; only while the clock runs.' })
  deadline!: Date | null;

  @Field()
  breached!: boolean;

  @Field(() => SlaBreachModel, { nullable: true })
  breach!: SlaBreachModel | null;
}

@ObjectType('TicketSla', { description: "The ticket's SLA as its workflow holds it now." })
export class TicketSlaModel {
  @Field(() => SlaPolicyChoiceModel, { nullable: true, description: 'Null when no policy matches the ticket.' })
  policy!: SlaPolicyChoiceModel | null;

  @Field(() => [SlaMetricStatusModel])
  metrics!: SlaMetricStatusModel[];

  @Field(() => Int, { description: 'Escalation steps run so far.' })
  escalationLevel!: number;

  @Field({ description: 'An escalation step is repeating until someone acknowledges it.' })
  awaitingAcknowledgement!: boolean;
}
