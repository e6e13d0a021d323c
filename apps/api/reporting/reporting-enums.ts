import { registerEnumType } from '@nestjs/graphql';
import { REPORT_GROUPINGS, REPORT_METRIC_NAMES, REPORT_METRICS, type ReportMetric } from '../../../libs/domain/reporting/index.js';

/** The metric names are GraphQL's already (UPPER_CASE), so the enum maps each to itself. */
export const ReportMetricEnum = Object.fromEntries(REPORT_METRIC_NAMES.map((name) => [name, name])) as Record<ReportMetric, ReportMetric>;
export const ReportGroupingEnum = Object.fromEntries(REPORT_GROUPINGS.map((grouping) => [grouping.toUpperCase(), grouping])) as Record<
  string,
  (typeof REPORT_GROUPINGS)[number]
>;
export const MetricUnitEnum = { TICKETS: 'tickets', COUNT: 'count', RATIO: 'ratio', MINUTES: 'minutes', SCORE: 'score' } as const;

registerEnumType(ReportMetricEnum, {
  name: 'ReportMetric',
  description: 'A help desk metric; README states the exact rule of each.',
  valuesMap: Object.fromEntries(REPORT_METRIC_NAMES.map((name) => [name, { description: REPORT_METRICS[name].description }])),
});
registerEnumType(ReportGroupingEnum, {
  name: 'ReportGrouping',
  description: "How a report's figures are split: by period (in the report's time zone; weeks start on Monday) or by a ticket dimension.",
});
registerEnumType(MetricUnitEnum, { name: 'MetricUnit' });
