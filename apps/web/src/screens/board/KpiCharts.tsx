import { useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { TicketPriority } from '../../gql/schema-types';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { BOARD_METRICS, METRIC_LABELS, dayRows, formatFigure, type BoardMetric, type DayRow } from './kpi-figures';
import { RANGE_CHOICES, lastDays, type RangeDays } from './report-range';
import { useRefetchOn } from './use-refetch-on';

const BoardKpiReportQuery = graphql(`
  query BoardKpiReport($filter: ReportFilterInput!, $metrics: [ReportMetric!]!) {
    helpdeskReport(filter: $filter, groupBy: DAY, metrics: $metrics) {
      totals {
        metric
        unit
        value
      }
      groups {
        key
        figures {
          metric
          unit
          value
        }
      }
    }
  }
`);

const COLOURS = { primary: '#1f5fbf', secondary: '#1d7a3a', tertiary: '#8a5a00' };
const viewerTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The reporting KPIs over the last 7 or 30 days, per day, for the board's group and priority. */
export function KpiCharts({ groupId, priority, refreshSignal }: { groupId: string; priority: TicketPriority | ''; refreshSignal: unknown }) {
  const [days, setDays] = useState<RangeDays>(7);
  const filter = useMemo(
    () => ({
      ...lastDays(days, Date.now(), viewerTimeZone),
      timeZone: viewerTimeZone,
      groupIds: groupId ? [groupId] : null,
      priorities: priority ? [priority] : null,
    }),
    [days, groupId, priority],
  );
  const [{ data, error, fetching }, reexecute] = useQuery({ query: BoardKpiReportQuery, variables: { filter, metrics: [...BOARD_METRICS] } });
  useRefetchOn(refreshSignal, reexecute);
  const rows = useMemo(() => dayRows(data?.helpdeskReport.groups ?? []), [data]);

  return (
    <section className="stack" aria-labelledby="board-kpi-title">
      <div className="page-header">
        <h2 id="board-kpi-title">KPIs</h2>
        <fieldset className="row board-range">
          <legend className="board-legend">Range</legend>
          {RANGE_CHOICES.map((choice) => (
            <label key={choice} className="inline">
              <input type="radio" name="board-range" checked={days === choice} onChange={() => setDays(choice)} /> Last {choice} days
            </label>
          ))}
        </fieldset>
      </div>
      {error && <ErrorNotice error={error} />}
      {!data && fetching && <Loading what="Loading the report" />}
      {data && (
        <>
          <dl className="board-kpi-tiles" aria-label="Totals over the range">
            {BOARD_METRICS.map((metric) => (
              <div key={metric} className="card">
                <dt>{METRIC_LABELS[metric]}</dt>
                <dd>{formatFigure(data.helpdeskReport.totals.find((figure) => figure.metric === metric))}</dd>
              </div>
            ))}
          </dl>
          <div className="grid board-charts">
            <KpiChart title="Tickets created and solved per day" rows={rows} metrics={['TICKETS_CREATED', 'TICKETS_SOLVED']} unit="tickets" kind="bar" />
            <KpiChart title="First reply time per day" rows={rows} metrics={['FIRST_REPLY_TIME']} unit="minutes (median)" kind="line" />
            <KpiChart title="SLA compliance and CSAT per day" rows={rows} metrics={['SLA_COMPLIANCE', 'CSAT']} unit="percent" kind="line" percent />
          </div>
        </>
      )}
    </section>
  );
}

interface KpiChartProps {
  title: string;
  rows: DayRow[];
  metrics: BoardMetric[];
  unit: string;
  kind: 'bar' | 'line';
  percent?: boolean;
}

/** One chart (animations off: what a screenshot or a test sees is final) and its figures as a table for screen readers. */
function KpiChart({ title, rows, metrics, unit, kind, percent }: KpiChartProps) {
  const colours = [COLOURS.primary, COLOURS.secondary, COLOURS.tertiary];
  const axis = (
    <>
      <CartesianGrid strokeDasharray="3 3" stroke="#d5dae1" />
      <XAxis dataKey="label" tick={{ fontSize: 12 }} />
      <YAxis tick={{ fontSize: 12 }} allowDecimals={!percent && kind === 'line'} domain={percent ? [0, 100] : [0, 'auto']} width={40} />
      <Tooltip />
      <Legend />
    </>
  );
  return (
    <figure className="card board-chart">
      <figcaption>
        <h3>{title}</h3>
        <span className="muted">{unit}</span>
      </figcaption>
      <div role="img" aria-label={`${title} (${unit}); the figures are in the table below`}>
        <ResponsiveContainer width="100%" height={220}>
          {kind === 'bar' ? (
            <BarChart data={rows}>
              {axis}
              {metrics.map((metric, index) => (
                <Bar key={metric} dataKey={metric} name={METRIC_LABELS[metric]} fill={colours[index]} isAnimationActive={false} />
              ))}
            </BarChart>
          ) : (
            <LineChart data={rows}>
              {axis}
              {metrics.map((metric, index) => (
                <Line key={metric} dataKey={metric} name={METRIC_LABELS[metric]} stroke={colours[index]} strokeWidth={2} connectNulls isAnimationActive={false} />
              ))}
            </LineChart>
          )}
        </ResponsiveContainer>
      </div>
      <details>
        <summary>Figures of “{title}”</summary>
        <table aria-label={`${title}: figures`}>
          <thead>
            <tr>
              <th scope="col">Day</th>
              {metrics.map((metric) => (
                <th key={metric} scope="col">
                  {METRIC_LABELS[metric]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.day}>
                <th scope="row">{row.label}</th>
                {metrics.map((metric) => (
                  <td key={metric}>{row[metric] ?? '–'}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
