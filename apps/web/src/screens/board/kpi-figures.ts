import { formatDuration } from '../../lib/durations';
import type { MetricUnit, ReportMetric } from '../../gql/schema-types';
import { shortDay } from './report-range';

/** The KPIs the board charts, in the order the report is asked for them. */
export const BOARD_METRICS = ['TICKETS_CREATED', 'TICKETS_SOLVED', 'FIRST_REPLY_TIME', 'SLA_COMPLIANCE', 'CSAT'] as const satisfies readonly ReportMetric[];
export type BoardMetric = (typeof BOARD_METRICS)[number];

export const METRIC_LABELS: Record<BoardMetric, string> = {
  TICKETS_CREATED: 'Tickets created',
  TICKETS_SOLVED: 'Tickets solved',
  FIRST_REPLY_TIME: 'First reply time (median)',
  SLA_COMPLIANCE: 'SLA compliance',
  CSAT: 'CSAT',
};

export interface Figure {
  metric: ReportMetric;
  unit: MetricUnit;
  value?: number | null;
}

/** One day of the charts: counts as they are, shares in percent, durations in minutes; null where nothing was measured. */
export type DayRow = { day: string; label: string } & Record<BoardMetric, number | null>;

/** A share (0..1) as the percent a chart plots, to one decimal. */
function chartValue(figure: Figure | undefined): number | null {
  if (figure?.value == null) return null;
  if (figure.unit === 'RATIO') return Math.round(figure.value * 1000) / 10;
  if (figure.unit === 'MINUTES') return Math.round(figure.value * 10) / 10;
  return figure.value;
}

/** The report's per-day groups as chart rows, one per day of the range, in order. */
export function dayRows(groups: ReadonlyArray<{ key: string; figures: readonly Figure[] }>): DayRow[] {
  return groups.map(({ key, figures }) => {
    const row = { day: key, label: shortDay(key) } as DayRow;
    for (const metric of BOARD_METRICS) row[metric] = chartValue(figures.find((figure) => figure.metric === metric));
    return row;
  });
}

/** A figure as a person reads it: "12", "87.5 %", "1 h 05 min"; "no data" when nothing was measured. */
export function formatFigure(figure: Figure | undefined): string {
  const value = chartValue(figure);
  if (value == null || !figure) return 'no data';
  if (figure.unit === 'RATIO') return `${value} %`;
  if (figure.unit === 'MINUTES') return formatDuration(value * 60);
  return String(value);
}
