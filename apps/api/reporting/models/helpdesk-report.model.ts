import { Field, ObjectType } from '@nestjs/graphql';
import type { ReportGrouping } from '../../../../libs/domain/reporting/index.js';
import { ReportGroupingEnum } from '../reporting-enums.js';
import { MetricFigureModel } from './metric-figure.model.js';

@ObjectType('ReportGroup', { description: 'The figures of one period or one value of the grouping dimension.' })
export class ReportGroupModel {
  @Field({ description: "YYYY-MM-DD (day, week's Monday), YYYY-MM (month), or the dimension's value ('(none)' where empty)." })
  key!: string;

  @Field(() => [MetricFigureModel], { description: 'In the order the metrics were asked for.' })
  figures!: MetricFigureModel[];
}

@ObjectType('HelpdeskReport')
export class HelpdeskReportModel {
  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field()
  timeZone!: string;

  @Field(() => ReportGroupingEnum)
  groupBy!: ReportGrouping;

  @Field(() => [MetricFigureModel], { description: 'Over the whole range and filter, in the order asked for.' })
  totals!: MetricFigureModel[];

  @Field(() => [ReportGroupModel], { description: 'Empty when not grouped; for a grouping by time, every period of the range in order.' })
  groups!: ReportGroupModel[];
}
