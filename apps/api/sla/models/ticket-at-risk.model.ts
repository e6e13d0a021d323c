import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { SlaMetric } from '../../../../libs/domain/sla/index.js';
import { SlaMetricEnum } from '../../common/graphql-enums.js';
import { TicketModel } from '../../tickets/models/ticket.model.js';

@ObjectType('TicketAtRisk', { description: 'A ticket whose next SLA deadline is near or already passed.' })
export class TicketAtRiskModel {
  @Field(() => TicketModel)
  ticket!: TicketModel;

  @Field(() => SlaMetricEnum, { description: 'The metric whose deadline comes first.' })
  metric!: SlaMetric;

  @Field()
  deadline!: Date;

  @Field({ description: 'The deadline has passed.' })
  breached!: boolean;

  @Field(() => Int, { description: 'Seconds until the deadline; negative once passed.' })
  secondsToDeadline!: number;
}
