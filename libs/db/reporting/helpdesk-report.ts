import {
  REPORT_METRICS,
  TIME_GROUPINGS,
  type DurationFact,
  type MetricAggregate,
  type MetricAnchor,
  type ReportGrouping,
  type ReportMetric,
  type TicketPredicate,
} from '../../domain/reporting/index.js';
import { netPromoterScore } from '../../domain/survey/nps.js';
import { agentTimeOnline, timeOnlineMetricFigure } from './agent-time-online.js';
import {
  ANCHOR_COLUMN,
  countFactColumn,
  durationFactColumn,
  FIRST_INCIDENT_JOIN,
  groupKeySql,
  LIST_FACTS,
  openAtSql,
  ParameterList,
  predicateSql,
  ticketFilterSql,
  type GroupKey,
  type ReportTicketFilter,
  type TicketAnchor,
} from './report-sql.js';
import type { SqlRows } from './ticket-report-facts.js';

/** A report as the engine computes it: instants, not days (callers turn the viewer's days into instants). */
export interface ReportSpec {
  /** ISO instants, [start, end). */
  start: string;
  end: string;
  /** IANA zone the day, week and month buckets are cut in. */
  timeZone: string;
  groupBy: ReportGrouping;
  metrics: ReportMetric[];
  filter: ReportTicketFilter;
  repeatContactDays: number;
}

export interface MetricFigure {
  metric: ReportMetric;
  /** The figure: a count, a share 0..1, a median in minutes, a score; null when there was nothing to measure. */
  value: number | null;
  /** How many tickets (answers, clocks, waits) the figure was computed over. */
  sampleSize: number;
  /** Durations only. */
  mean: number | null;
  median: number | null;
  p90: number | null;
}

export interface ReportGroup {
  key: string;
  figures: MetricFigure[];
}

export interface HelpdeskReportResult {
  totals: MetricFigure[];
  /** Empty for an ungrouped report; every period of the range for a grouping by time, in order. */
  groups: ReportGroup[];
}

type Row = Record<string, unknown> & { group_key: string | null; is_total: number };
type Reader = (row: Row) => MetricFigure;

/** One SQL statement and how to read each metric's figure from its rows. */
interface QueryUnit {
  sql: string;
  parameters: unknown[];
  readers: Array<[ReportMetric, Reader]>;
}

const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
const blank = (metric: ReportMetric, value: number | null, sampleSize: number): MetricFigure => ({
  metric,
  value,
  sampleSize,
  mean: null,
  median: null,
  p90: null,
});

/** Computes the metrics over the tickets (or searches) in range, in total and per group. */
export async function helpdeskReport(sql: SqlRows, spec: ReportSpec): Promise<HelpdeskReportResult> {
  const units = planQueries(spec);
  const results = await Promise.all(units.map((unit) => sql<Row>(unit.sql, unit.parameters)));
  const totals = new Map<ReportMetric, MetricFigure>();
  const groups = new Map<string, Map<ReportMetric, MetricFigure>>();
  for (const key of TIME_GROUPINGS.includes(spec.groupBy) ? await periodKeys(sql, spec) : []) groups.set(key, new Map());
  units.forEach((unit, index) => {
    for (const row of results[index]) {
      const target = Number(row.is_total) === 1 || row.group_key === null ? totals : groupFor(groups, String(row.group_key));
      for (const [metric, read] of unit.readers) target.set(metric, read(row));
    }
  });
  for (const metric of spec.metrics.filter((wanted) => 'timeOnline' in REPORT_METRICS[wanted].aggregate)) {
    for (const figure of await agentTimeOnline(sql, spec)) {
      if (figure.agentId === null) totals.set(metric, timeOnlineMetricFigure(metric, figure));
      else if (spec.groupBy === 'agent') groupFor(groups, figure.agentId).set(metric, timeOnlineMetricFigure(metric, figure));
    }
  }
  const figuresOf = (found: Map<ReportMetric, MetricFigure>) => spec.metrics.map((metric) => found.get(metric) ?? emptyFigure(metric));
  const keys = [...groups.keys()].sort();
  return { totals: figuresOf(totals), groups: keys.map((key) => ({ key, figures: figuresOf(groups.get(key)!) })) };
}

function groupFor(groups: Map<string, Map<ReportMetric, MetricFigure>>, key: string) {
  let group = groups.get(key);
  if (!group) groups.set(key, (group = new Map()));
  return group;
}

/** What a metric shows where nothing fell in: no tickets is a count of 0, but no share or time at all. */
function emptyFigure(metric: ReportMetric): MetricFigure {
  const aggregate: MetricAggregate = REPORT_METRICS[metric].aggregate;
  return blank(metric, 'count' in aggregate || 'sum' in aggregate ? 0 : null, 0);
}

/** Every period of the range, so a chart has its empty days too. */
async function periodKeys(sql: SqlRows, spec: ReportSpec): Promise<string[]> {
  const unit = spec.groupBy as 'day' | 'week' | 'month';
  const format = unit === 'month' ? 'YYYY-MM' : 'YYYY-MM-DD';
  const rows = await sql<{ key: string }>(
    `SELECT to_char(period, '${format}') AS key
     FROM generate_series(date_trunc('${unit}', $1::timestamptz AT TIME ZONE $3),
                          ($2::timestamptz AT TIME ZONE $3) - interval '1 microsecond', interval '1 ${unit}') AS period`,
    [spec.start, spec.end, spec.timeZone],
  );
  return rows.map((row) => row.key);
}

function planQueries(spec: ReportSpec): QueryUnit[] {
  const units: QueryUnit[] = [];
  // Per anchor, durations apart from counts and shares: two statements side by side on the pool finish sooner than one
  // sorting every row for its percentiles (about 40 % more database CPU; the 1M-ticket dashboard's p95 213 -> 187 ms).
  const byAnchor = new Map<string, { anchor: ScopeAnchor; metrics: ReportMetric[] }>();
  for (const metric of new Set(spec.metrics)) {
    const { anchor, aggregate } = REPORT_METRICS[metric] as { anchor: MetricAnchor; aggregate: MetricAggregate };
    if ('timeOnline' in aggregate) continue; // computed from the availability history, not by SQL alone
    if ('selfService' in aggregate) units.push(selfServiceQuery(spec, metric));
    else if ('distribution' in aggregate && LIST_FACTS.has(aggregate.distribution)) {
      units.push(listDistributionQuery(spec, metric, anchor as ScopeAnchor, aggregate.distribution, aggregate.of));
    } else {
      const key = `${anchor}:${'distribution' in aggregate ? 'durations' : 'counts'}`;
      const unit = byAnchor.get(key) ?? { anchor: anchor as ScopeAnchor, metrics: [] };
      unit.metrics.push(metric);
      byAnchor.set(key, unit);
    }
  }
  for (const { anchor, metrics } of byAnchor.values()) {
    // Open at the end of each period is a query of its own; the total is open at the end of the whole range.
    if (anchor === 'openAtEnd' && TIME_GROUPINGS.includes(spec.groupBy)) {
      units.push(ticketQuery({ ...spec, groupBy: 'none' }, anchor, metrics), ticketQuery(spec, anchor, metrics));
    } else units.push(ticketQuery(spec, anchor, metrics));
  }
  return units;
}

/** The ticket anchors: a range of one of the ticket's instants, or open at the range's (or each period's) end. */
type ScopeAnchor = TicketAnchor | 'openAtEnd';

/**
 * FROM, WHERE and GROUP BY over the facts in range for an anchor. The answered survey is joined only for the metrics
 * that read it; for tickets created in the range, only surveys answered since its start can be theirs (an answer
 * comes after its ticket), so the join reads the range's answers instead of every answer ever given.
 */
function ticketScope(
  spec: ReportSpec,
  anchor: ScopeAnchor,
  parameters: ParameterList,
  { from = 'ticket_report_facts f', readsSurvey = false }: { from?: string; readsSurvey?: boolean } = {},
) {
  if (anchor === 'openAtEnd') return openAtEndScope(spec, parameters, from);
  const column = ANCHOR_COLUMN[anchor];
  const start = `${parameters.add(spec.start)}::timestamptz`;
  const where = [`${column} >= ${start}`, `${column} < ${parameters.add(spec.end)}::timestamptz`];
  where.push(...ticketFilterSql(spec.filter, parameters));
  const key = groupKeySql(spec.groupBy, column, () => `${parameters.add(spec.timeZone)}::text`);
  const answeredInRange = anchor === 'created' ? ` AND s.answered_at >= ${start}` : '';
  const survey = readsSurvey ? ` LEFT JOIN ticket_surveys s ON s.ticket_id = f.ticket_id AND s.answered_at IS NOT NULL${answeredInRange}` : '';
  return { from: `${from}${survey}`, where: where.join(' AND '), ...grouping(key) };
}

/**
 * The tickets open at the end of the range, grouped by a ticket dimension; grouped by period, those open at the end of
 * each period (the range's end for the last one), each period once (planQueries asks for the total apart).
 */
function openAtEndScope(spec: ReportSpec, parameters: ParameterList, from: string) {
  const filters = ticketFilterSql(spec.filter, parameters);
  const end = `${parameters.add(spec.end)}::timestamptz`;
  if (!TIME_GROUPINGS.includes(spec.groupBy)) {
    const key = groupKeySql(spec.groupBy, 'f.created_at', () => 'UTC');
    return { from, where: [openAtSql(end), ...filters].join(' AND '), ...grouping(key) };
  }
  const unit = spec.groupBy;
  const timeZone = `${parameters.add(spec.timeZone)}::text`;
  const periods = `(SELECT p.local AT TIME ZONE ${timeZone} AS starts, least((p.local + interval '1 ${unit}') AT TIME ZONE ${timeZone}, ${end}) AS ends
      FROM generate_series(date_trunc('${unit}', ${parameters.add(spec.start)}::timestamptz AT TIME ZONE ${timeZone}),
                           (${end} AT TIME ZONE ${timeZone}) - interval '1 microsecond', interval '1 ${unit}') AS p(local)) b`;
  const key = groupKeySql(spec.groupBy, 'b.starts', () => timeZone)!;
  return {
    from: `${periods} JOIN ${from} ON ${openAtSql('b.ends')}`,
    where: filters.length > 0 ? filters.join(' AND ') : 'true',
    select: `${key.label} AS group_key, 0 AS is_total`,
    groupBy: `GROUP BY ${key.groupBy}`,
  };
}

function grouping(key: GroupKey | null): { select: string; groupBy: string } {
  return key === null
    ? { select: 'NULL::text AS group_key, 1 AS is_total', groupBy: 'GROUP BY ()' }
    : { select: `${key.label} AS group_key, grouping(${key.groupBy}) AS is_total`, groupBy: `GROUP BY GROUPING SETS ((${key.groupBy}), ())` };
}

/** The predicates a metric's aggregate reads. */
function predicatesOf(aggregate: MetricAggregate): TicketPredicate[] {
  if ('count' in aggregate) return [aggregate.count];
  if ('share' in aggregate) return [aggregate.share, aggregate.of];
  return 'distribution' in aggregate && aggregate.of !== undefined ? [aggregate.of] : [];
}

/** Whether a metric reads the ticket's answered survey (CSAT, NPS). */
function readsSurvey(aggregate: MetricAggregate): boolean {
  const survey: readonly TicketPredicate[] = ['surveyAnswered', 'surveySatisfied'];
  return 'netPromoterScore' in aggregate || predicatesOf(aggregate).some((predicate) => survey.includes(predicate));
}

function ticketQuery(spec: ReportSpec, anchor: ScopeAnchor, metrics: ReportMetric[]): QueryUnit {
  const parameters = new ParameterList();
  const aggregates = metrics.map((metric): MetricAggregate => REPORT_METRICS[metric].aggregate);
  const readsFirstIncident = aggregates.some((aggregate) => predicatesOf(aggregate).includes('repeatedIncident'));
  const scope = ticketScope(spec, anchor, parameters, {
    readsSurvey: aggregates.some(readsSurvey),
    ...(readsFirstIncident && { from: `ticket_report_facts f${FIRST_INCIDENT_JOIN}` }),
  });
  const repeatDays = parameters.lazy(spec.repeatContactDays);
  // Counts of what is open at the end read only the tickets they count: per period, the others would be joined in vain.
  if (anchor === 'openAtEnd' && aggregates.every((aggregate) => 'count' in aggregate)) {
    scope.where += ` AND (${aggregates.map((aggregate) => predicateSql((aggregate as { count: TicketPredicate }).count, repeatDays)).join(' OR ')})`;
  }
  const columns: string[] = [];
  const readers: Array<[ReportMetric, Reader]> = metrics.map((metric, index) => {
    const alias = `m${index}`;
    const aggregate: MetricAggregate = REPORT_METRICS[metric].aggregate;
    const { select, read } = aggregateSql(metric, aggregate, alias, repeatDays);
    columns.push(...select);
    return [metric, read];
  });
  return {
    sql: `SELECT ${scope.select}, ${columns.join(', ')} FROM ${scope.from} WHERE ${scope.where} ${scope.groupBy}`,
    parameters: parameters.values,
    readers,
  };
}

function aggregateSql(metric: ReportMetric, aggregate: MetricAggregate, alias: string, repeatDays: () => string): { select: string[]; read: Reader } {
  const share = (numerator: string, denominator: string): { select: string[]; read: Reader } => ({
    select: [`${numerator} AS ${alias}_num`, `${denominator} AS ${alias}_n`],
    read: (row) => {
      const n = Number(row[`${alias}_n`]);
      return blank(metric, n > 0 ? Number(row[`${alias}_num`]) / n : null, n);
    },
  });
  if ('count' in aggregate) {
    return {
      select: [`count(*) FILTER (WHERE ${predicateSql(aggregate.count, repeatDays)}) AS ${alias}_n`],
      read: (row) => blank(metric, Number(row[`${alias}_n`]), Number(row[`${alias}_n`])),
    };
  }
  if ('sum' in aggregate) {
    return {
      select: [`coalesce(sum(${countFactColumn(aggregate.sum)}), 0) AS ${alias}_sum`, `count(*) AS ${alias}_n`],
      read: (row) => blank(metric, Number(row[`${alias}_sum`]), Number(row[`${alias}_n`])),
    };
  }
  if ('share' in aggregate) {
    const of = predicateSql(aggregate.of, repeatDays);
    return share(`count(*) FILTER (WHERE (${predicateSql(aggregate.share, repeatDays)}) AND (${of}))`, `count(*) FILTER (WHERE ${of})`);
  }
  if ('ratio' in aggregate) {
    const total = (facts: string[]) => `coalesce(sum(${facts.join(' + ')}), 0)`;
    return share(total(aggregate.ratio.map(countFactColumn)), total(aggregate.over.map(countFactColumn)));
  }
  if ('distribution' in aggregate) return distributionSql(metric, durationOf(durationFactColumn(aggregate.distribution), aggregate.of, repeatDays), alias);
  if ('netPromoterScore' in aggregate) {
    return {
      select: [`array_agg(s.nps_score) FILTER (WHERE s.nps_score IS NOT NULL) AS ${alias}_scores`],
      read: (row) => {
        const scores = ((row[`${alias}_scores`] as number[] | null) ?? []).map(Number);
        return blank(metric, netPromoterScore(scores), scores.length);
      },
    };
  }
  throw new Error(`Metric ${metric} is not computed over tickets.`);
}

/** A duration, null (left out of the distribution) for the tickets outside `of`. */
function durationOf(column: string, of: TicketPredicate | undefined, repeatDays: () => string): string {
  return of === undefined ? column : `(CASE WHEN ${predicateSql(of, repeatDays)} THEN ${column} END)`;
}

function distributionSql(metric: ReportMetric, column: string, alias: string): { select: string[]; read: Reader } {
  return {
    select: [
      `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${column}) AS ${alias}_median`,
      `avg(${column})::float8 AS ${alias}_mean`,
      `percentile_cont(0.9) WITHIN GROUP (ORDER BY ${column}) AS ${alias}_p90`,
      `count(${column}) AS ${alias}_n`,
    ],
    read: (row) => {
      const median = num(row[`${alias}_median`]);
      return { metric, value: median, sampleSize: Number(row[`${alias}_n`]), mean: num(row[`${alias}_mean`]), median, p90: num(row[`${alias}_p90`]) };
    },
  };
}

/** A duration fact a ticket holds several of (a list): each value counts on its own. */
function listDistributionQuery(spec: ReportSpec, metric: ReportMetric, anchor: ScopeAnchor, fact: DurationFact, of: TicketPredicate | undefined): QueryUnit {
  const parameters = new ParameterList();
  const scope = ticketScope(spec, anchor, parameters, { from: `ticket_report_facts f CROSS JOIN LATERAL unnest(${durationFactColumn(fact)}) AS v(minutes)` });
  const { select, read } = distributionSql(metric, durationOf('v.minutes', of, parameters.lazy(spec.repeatContactDays)), 'm0');
  return {
    sql: `SELECT ${scope.select}, ${select.join(', ')} FROM ${scope.from} WHERE ${scope.where} ${scope.groupBy}`,
    parameters: parameters.values,
    readers: [[metric, read]],
  };
}

/** Searches are not tickets: only a grouping by time splits them; other groupings show them in the totals only. */
function selfServiceQuery(spec: ReportSpec, metric: ReportMetric): QueryUnit {
  const parameters = new ParameterList();
  const range = `searched_at >= ${parameters.add(spec.start)}::timestamptz AND searched_at < ${parameters.add(spec.end)}::timestamptz`;
  const key = TIME_GROUPINGS.includes(spec.groupBy) ? groupKeySql(spec.groupBy, 'searched_at', () => `${parameters.add(spec.timeZone)}::text`) : null;
  const scope = grouping(key);
  return {
    sql: `SELECT ${scope.select}, count(*) FILTER (WHERE clicked_at IS NOT NULL) AS m0_num, count(*) AS m0_n
          FROM knowledge_searches WHERE ${range} ${scope.groupBy}`,
    parameters: parameters.values,
    readers: [
      [
        metric,
        (row) => {
          const n = Number(row.m0_n);
          return blank(metric, n > 0 ? Number(row.m0_num) / n : null, n);
        },
      ],
    ],
  };
}
