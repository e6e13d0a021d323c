import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import type { MetricUnit, ReportMetric } from '../../../../libs/domain/reporting/index.js';
import { MetricUnitEnum, ReportMetricEnum } from '../reporting-enums.js';

@ObjectType('MetricFigure', { description: 'One metric over a set of tickets.' })
export class MetricFigureModel {
  @Field(() => ReportMetricEnum)
  metric!: ReportMetric;

  @Field(() => MetricUnitEnum)
  unit!: MetricUnit;

  @Field(() => Float, { nullable: true, description: 'The figure (a count, a share 0..1, a median in minutes, a score); null: nothing to measure.' })
  value!: number | null;

  @Field(() => Int, { description: 'How many tickets (answers, clocks, waits) it was computed over.' })
  sampleSize!: number;

  @Field(() => Float, { nullable: true, description: 'Durations: the mean.' })
  mean!: number | null;

  @Field(() => Float, { nullable: true, description: 'Durations: the median (also the value).' })
  median!: number | null;

  @Field(() => Float, { nullable: true, description: 'Durations: the 90th percentile.' })
  p90!: number | null;
}
