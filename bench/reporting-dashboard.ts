import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDataSource } from '../libs/db/data-source.js';
import { helpdeskReport, type HelpdeskReportResult, type MetricFigure, type ReportSpec } from '../libs/db/reporting/helpdesk-report.js';
import { refreshTicketReportFacts, type SqlRows } from '../libs/db/reporting/ticket-report-facts.js';
import { runMigrations } from '../libs/db/run-migrations.js';
import { REPORT_METRICS, type ReportMetric } from '../libs/domain/reporting/index.js';
import { startEmbeddedPostgres } from '../libs/devstack/embedded-postgres.js';
import { freePort } from '../libs/devstack/free-port.js';
import { machineLoad } from './support/machine.js';
import { explainAnalyze, planTree } from './support/plan-summary.js';
import { postgresCpuReader } from './support/postgres-cpu.js';
import { insertCorpusHelpdesk, loadCorpus } from './support/reporting-corpus-load.js';
import { naiveDashboard, type NaiveDashboard, type NaiveFigure, type NaiveGrouping } from './support/reporting-naive.js';
import { runBounded } from './support/run-bounded.js';
import { formatTable, seconds } from './support/stats.js';

// The reporting issue: a year of history (1,000,000 tickets with their timelines, messages and surveys) generated
// straight into PostgreSQL with COPY; the report facts built through the real code path (refreshTicketReportFacts, in
// chunks, as an upgrade backfills them); then the month's dashboard (helpdeskReport, 10 metrics, grouped by day and by
// group) timed beside the same ten figures computed as plain GROUP BY SQL over the raw tables in the same run, with a
// check that both give the same figures. Goal: p95 < 200 ms for a 30-day range, and never slower than the naive query.
// A throwaway PostgreSQL only: reporting never touches Temporal.
// The facts are built as the migrations leave the database; should the planner read a chunk's timelines with a scan of
// the whole table (ANALYZE alone underestimates the distinct ticket ids of ticket_events about ninefold at 16 M events;
// the reporting migration sets an n_distinct hint against it), only the first --asis-chunks chunks run so and the rest
// with the hint set here.
// Usage: node dist/bench/reporting-dashboard.js [--tickets 1000000] [--runs 30] [--naive-runs 3] [--chunk 2000]
//        [--lanes 2] [--asis-chunks 20|all] [--time-zone Europe/Paris] [--seed 11]

const { values } = parseArgs({
  options: {
    tickets: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '30' },
    // Each naive run reads every solved ticket's status changes (seconds at 1 M tickets): a few runs give its latency.
    'naive-runs': { type: 'string', default: '3' },
    chunk: { type: 'string', default: '2000' },
    lanes: { type: 'string', default: '2' },
    'asis-chunks': { type: 'string', default: '20' },
    'time-zone': { type: 'string', default: 'Europe/Paris' },
    seed: { type: 'string', default: '11' },
  },
});
const ticketCount = Number(values.tickets);
const runs = Number(values.runs);
const naiveRuns = Number(values['naive-runs']);
const chunkSize = Number(values.chunk);
const lanes = Number(values.lanes);
const timeZone = values['time-zone']!;
const seed = Number(values.seed);
const GROUPS = 20;
const AGENTS_PER_GROUP = 10;
const WARMUP_RUNS = 3;
/** The fallback's statistic, the reporting migration's: one distinct ticket per 20 timeline events (the corpus has 16). */
const EVENTS_PER_TICKET_STATISTIC = -0.05;
// The corpus's "now": fixed, so a seed gives the same data on every run and machine.
const NOW = Date.UTC(2026, 0, 15, 17, 30);
const DASHBOARD: ReportMetric[] = [
  'TICKETS_CREATED',
  'TICKETS_SOLVED',
  'FIRST_REPLY_TIME',
  'RESOLUTION_TIME',
  'FIRST_CONTACT_RESOLUTION',
  'REOPEN_RATE',
  'ESCALATION_RATE',
  'SLA_COMPLIANCE',
  'CSAT',
  'ONE_TOUCH_RATE',
];
const rate = (count: number, ms: number) => Math.round(count / (ms / 1000)).toLocaleString('en-US');
const thousands = (value: number | string) => Number(value).toLocaleString('en-US');

console.log(
  `reporting-dashboard: ${thousands(ticketCount)} tickets over 365 days, ${GROUPS} groups, ${GROUPS * AGENTS_PER_GROUP} agents, seed ${seed}; ` +
    `facts in chunks of ${chunkSize}, ${lanes} in flight (the first ${values['asis-chunks']} as is); ${runs} timed runs per report ` +
    `(${naiveRuns} for the naive baseline), time zone ${timeZone}\n` +
    `machine: ${machineLoad()}, node ${process.version}`,
);

const dir = mkdtempSync(join(tmpdir(), 'helpdesk-bench-reporting-'));
const postgres = await startEmbeddedPostgres({ dataDir: join(dir, 'postgres'), port: await freePort(), persistent: false });
const postgresCpuMs = postgresCpuReader(join(dir, 'postgres')) ?? (() => NaN);
try {
  await postgres.createDatabase('helpdesk');
  const url = postgres.urlFor('helpdesk');
  const dataSource = await createDataSource({ url, poolSize: Math.max(lanes, 4) }).initialize();
  try {
    await runMigrations(dataSource);
    const sql: SqlRows = (text, parameters) => dataSource.query(text, parameters);
    const setup = await insertCorpusHelpdesk(dataSource, { tickets: ticketCount, now: NOW, groups: GROUPS, agentsPerGroup: AGENTS_PER_GROUP, seed });

    // 1. The history, with COPY into bare tables; keys, indexes and foreign keys built once afterwards.
    const loaded = await loadCorpus(dataSource, url, setup, seed);
    const { ids, counts, copyMs, vacuumMs } = loaded;
    const rebuilt = loaded;
    const rows = counts.tickets + counts.events + counts.messages + counts.surveys;
    const [sizes] = await dataSource.query(
      `SELECT pg_size_pretty(pg_total_relation_size('tickets')) AS tickets, pg_size_pretty(pg_total_relation_size('ticket_events')) AS events,
              pg_size_pretty(pg_total_relation_size('ticket_messages')) AS messages, pg_size_pretty(pg_total_relation_size('ticket_surveys')) AS surveys,
              (SELECT count(*) FROM ticket_surveys WHERE answered_at IS NOT NULL) AS answered`,
    );
    console.log(
      `\nloaded with COPY (4 tables side by side, ${loaded.dropped} keys/indexes/foreign keys dropped first) in ${seconds(copyMs)} s, ` +
        `${rate(rows, copyMs)} rows/s:\n` +
        `  tickets ${thousands(counts.tickets)} (${sizes.tickets}), ticket_events ${thousands(counts.events)} (${sizes.events}), ` +
        `ticket_messages ${thousands(counts.messages)} (${sizes.messages}), ticket_surveys ${thousands(counts.surveys)} of which ${thousands(sizes.answered)} answered (${sizes.surveys})\n` +
        `  keys and indexes rebuilt in ${seconds(rebuilt.keysAndIndexesMs)} s, foreign keys validated in ${seconds(rebuilt.foreignKeysMs)} s, ` +
        `VACUUM ANALYZE ${seconds(vacuumMs)} s; total ${seconds(copyMs + rebuilt.keysAndIndexesMs + rebuilt.foreignKeysMs + vacuumMs)} s` +
        `\nmachine: ${machineLoad()}`,
    );

    // 2. The facts, through the real code path (refreshTicketReportFacts), chunk by chunk in arrival order, as the
    //    migrations leave the database. Should the planner read a chunk's events with a sequential scan of the whole
    //    timeline (its estimate of events per ticket wrong, as ANALYZE alone gets it at 1 M tickets), only the first
    //    --asis-chunks chunks are measured so, and the rest runs with the reporting migration's n_distinct hint set
    //    here: at that pace a full backfill of 1 M tickets takes a quarter of an hour on 2 cores.
    const chunks = Math.ceil(ids.length / chunkSize);
    const asIsChunks = values['asis-chunks'] === 'all' ? chunks : Math.min(chunks, Number(values['asis-chunks']));
    const chunkIds = (chunk: number) => ids.slice(chunk * chunkSize, (chunk + 1) * chunkSize);
    const eventsRead = { sql: '' };
    const [{ n_distinct: statistic }] = await dataSource.query(`SELECT n_distinct FROM pg_stats WHERE tablename = 'ticket_events' AND attname = 'ticket_id'`);
    const estimate = Number(statistic) < 0 ? -Number(statistic) * counts.events : Number(statistic); // negative: a fraction of the rows
    console.log(
      `\nthe planner's estimate: ${thousands(Math.round(estimate))} distinct ticket_events.ticket_id for ${thousands(ids.length)} tickets ` +
        `(${(counts.events / estimate).toFixed(1)} events per ticket; there are ${(counts.events / ids.length).toFixed(1)})`,
    );
    const backfill = async (label: string, from: number, to: number) => {
      // Where a chunk's time goes: each statement timed by what it reads; the rest is the facts computed in JS.
      const statementMs = new Map<string, number>();
      const timedSql: SqlRows = async (text, parameters) => {
        const before = performance.now();
        try {
          return await sql(text, parameters);
        } finally {
          const kind = /FROM ticket_events/.test(text) ? 'read events' : /FROM ticket_messages/.test(text) ? 'read messages' : /^\s*INSERT/.test(text) ? 'upsert facts' : 'read tickets';
          if (kind === 'read events') eventsRead.sql = text;
          statementMs.set(kind, (statementMs.get(kind) ?? 0) + performance.now() - before);
        }
      };
      const before = performance.now();
      const chunkMs = await runBounded(to - from, lanes, (index) => refreshTicketReportFacts(timedSql, chunkIds(from + index)));
      const ms = performance.now() - before;
      const facts = Math.min(ids.length, to * chunkSize) - from * chunkSize;
      const chunkTotalMs = chunkMs.reduce((total, value) => total + value, 0);
      const sqlTotalMs = [...statementMs.values()].reduce((total, value) => total + value, 0);
      const share = (value: number) => `${((value / chunkTotalMs) * 100).toFixed(0)} %`;
      const plan = await explainAnalyze(dataSource, eventsRead.sql, [chunkIds(from)]);
      console.log(
        `facts, ${label}: refreshTicketReportFacts over ${thousands(facts)} tickets, ${to - from} chunks of ${chunkSize}, ${lanes} in flight: ` +
          `${seconds(ms)} s, ${rate(facts, ms)} facts/s (a chunk: p50 ${percentile(chunkMs, 50).toFixed(0)} ms, p95 ${percentile(chunkMs, 95).toFixed(0)} ms)\n` +
          `  a chunk's time: ${[...statementMs].map(([kind, value]) => `${kind} ${share(value)}`).join(', ')}, ` +
          `computing the facts in JS (and waiting for the event loop) ${share(chunkTotalMs - sqlTotalMs)}\n` +
          `  a chunk's events read (${chunkSize} ids): ${plan.scans.join(', ')}, ${plan.executionMs.toFixed(0)} ms\nmachine: ${machineLoad()}`,
      );
      const scansTimeline = plan.nodes.some((node) => node['Node Type'].includes('Seq Scan') && node['Relation Name'] === 'ticket_events');
      return { facts, ms, scansTimeline };
    };
    const parts = [await backfill('as the migrations leave the database', 0, asIsChunks)];
    if (asIsChunks < chunks) {
      if (parts[0].scansTimeline) {
        await dataSource.query(`ALTER TABLE ticket_events ALTER COLUMN ticket_id SET (n_distinct = ${EVENTS_PER_TICKET_STATISTIC})`);
        await dataSource.query('ANALYZE ticket_events');
        console.log(
          `(each chunk scanned the whole timeline: all ${thousands(ids.length)} at that pace would take ${seconds((parts[0].ms / parts[0].facts) * ids.length)} s; ` +
            `the rest with ALTER TABLE ticket_events ALTER COLUMN ticket_id SET (n_distinct = ${EVENTS_PER_TICKET_STATISTIC}) and ANALYZE)`,
        );
        parts.push(await backfill('the rest, with the n_distinct hint', asIsChunks, chunks));
      } else parts.push(await backfill('the rest', asIsChunks, chunks));
    }
    const started2 = performance.now();
    await dataSource.query('VACUUM ANALYZE ticket_report_facts');
    const factsVacuumMs = performance.now() - started2;
    const [facts] = await dataSource.query(
      `SELECT count(*) AS count, pg_size_pretty(pg_total_relation_size('ticket_report_facts')) AS size FROM ticket_report_facts`,
    );
    if (Number(facts.count) !== ids.length) throw new Error(`${facts.count} fact rows for ${ids.length} tickets`);
    const factsMs = parts.reduce((total, part) => total + part.ms, 0);
    console.log(
      `facts: ${thousands(Number(facts.count))} rows (${facts.size} with indexes) in ${seconds(factsMs)} s, ${rate(ids.length, factsMs)} facts/s overall; ` +
        `VACUUM ANALYZE ${seconds(factsVacuumMs)} s`,
    );

    // 3. The month's dashboard: the 30 whole days (in the viewer's zone) ending with the newest ticket's day.
    const [range] = await dataSource.query<Array<{ start: Date; end: Date; in_range: string }>>(
      `WITH bounds AS (
         SELECT (date_trunc('day', max(created_at) AT TIME ZONE $1) + interval '1 day') AT TIME ZONE $1 AS "end",
                (date_trunc('day', max(created_at) AT TIME ZONE $1) - interval '29 days') AT TIME ZONE $1 AS start
         FROM tickets)
       SELECT start, "end", (SELECT count(*) FROM tickets, bounds b WHERE created_at >= b.start AND created_at < b."end") AS in_range FROM bounds`,
      [timeZone],
    );
    const window = { start: range.start.toISOString(), end: range.end.toISOString(), timeZone };
    console.log(
      `\nrange: ${window.start} .. ${window.end} (30 days in ${timeZone}), ${thousands(range.in_range)} tickets created in it ` +
        `(${((Number(range.in_range) / ids.length) * 100).toFixed(1)} %)`,
    );

    const timings: Array<Array<string | number>> = [];
    const agreements: Array<Array<string | number>> = [];
    const verdicts: Array<{ reportP95: number; reportMax: number; naiveMin: number }> = [];
    let allAgree = true;
    const captured: Array<{ sql: string; parameters: unknown[] }> = [];
    for (const groupBy of ['day', 'group'] as const) {
      const spec: ReportSpec = { ...window, groupBy, metrics: DASHBOARD, filter: {}, repeatContactDays: 7 };
      if (groupBy === 'day') {
        await helpdeskReport((text, parameters) => (captured.push({ sql: text, parameters: parameters ?? [] }), sql(text, parameters)), spec);
      }
      const report = await timeRuns(runs, () => helpdeskReport(sql, spec));
      const naive = await timeRuns(naiveRuns, () => naiveDashboard(sql, window, groupBy), 1);
      const cpuPerRun = (target: { cpuMs: number; latencies: number[] }) => (target.cpuMs / target.latencies.length).toFixed(0);
      const summary = (latencies: number[]) => [percentile(latencies, 50), percentile(latencies, 95), Math.max(...latencies)];
      const [rp50, rp95, rmax] = summary(report.latencies);
      const [np50, np95, nmax] = summary(naive.latencies);
      timings.push(
        [`helpdeskReport, by ${groupBy} (facts table)`, report.latencies.length, rp50.toFixed(1), rp95.toFixed(1), rmax.toFixed(1), cpuPerRun(report), ''],
        [
          `baseline: GROUP BY over raw tables, by ${groupBy}`, naive.latencies.length, np50.toFixed(1), np95.toFixed(1), nmax.toFixed(1), cpuPerRun(naive),
          `${(np50 / rp50).toFixed(1)}× / ${(np95 / rp95).toFixed(1)}×`,
        ],
      );
      verdicts.push({ reportP95: rp95, reportMax: rmax, naiveMin: Math.min(...naive.latencies) });
      const comparison = compareFigures(report.result, naive.result, groupBy);
      allAgree &&= comparison.every((line) => line.mismatches === 0);
      for (const line of comparison) {
        agreements.push([`${line.metric}, by ${groupBy}`, line.keys, line.mismatches, line.reportTotal, line.naiveTotal]);
      }
      if (groupBy === 'day') {
        console.log(`\ndashboard totals (report): ${report.result.totals.map((figure) => `${figure.metric} ${formatValue(figure)}`).join(', ')}`);
      }
    }

    console.log(`\nthe same ten figures, report vs baseline (every group key and the total; counts exact, others within 1e-9):\n`);
    console.log(formatTable(['metric', 'keys', 'mismatches', 'report total', 'baseline total'], agreements));
    console.log(`report and baseline agree: ${allAgree ? 'yes' : 'NO'}`);

    console.log(
      `\ndashboard latency, 30-day range, 10 metrics (${WARMUP_RUNS} untimed runs first, 1 for the baseline; ` +
        `the report's statements run side by side on the pool; machine: ${machineLoad()}):\n`,
    );
    console.log(formatTable(['query', 'runs', 'p50 ms', 'p95 ms', 'max ms', 'PostgreSQL CPU ms/run', 'baseline ÷ report p50 / p95'], timings));
    const worstP95 = Math.max(...verdicts.map((verdict) => verdict.reportP95));
    const neverSlower = verdicts.every((verdict) => verdict.reportMax <= verdict.naiveMin);
    console.log(
      `goal p95 < 200 ms: ${worstP95 < 200 ? 'met' : 'NOT met'} (worst report p95 ${worstP95.toFixed(1)} ms); ` +
        `report never slower than the baseline (slowest report run ≤ fastest baseline run, each grouping): ${neverSlower ? 'yes' : 'NO'}`,
    );

    // 4. The plans of the report's statements, grouped by day.
    console.log(`\nthe report's statements by day, EXPLAIN (ANALYZE, BUFFERS) each (${captured.length}; run side by side on separate connections):`);
    for (const statement of captured) {
      const kind = statement.sql.includes('f.created_at >=') ? 'main: created-anchored, 9 metrics' : statement.sql.includes('f.solved_at >=') ? 'solved-anchored' : 'period keys';
      const plan = await explainAnalyze(dataSource, statement.sql, statement.parameters);
      console.log(
        `- ${kind}: execution ${plan.executionMs.toFixed(1)} ms, planning ${plan.planningMs.toFixed(1)} ms; ` +
          `created_at index used: ${plan.indexes.includes('ticket_report_facts_created') ? 'yes' : 'no'}; ` +
          `scans: ${plan.scans.join(', ') || 'none'}; shared buffers hit ${thousands(plan.plan['Shared Hit Blocks'] ?? 0)}, read ${thousands(plan.plan['Shared Read Blocks'] ?? 0)}` +
          (plan.tempWrittenBlocks > 0 ? `; temp written ${thousands(plan.tempWrittenBlocks)} blocks` : ''),
      );
      if (kind.startsWith('main')) console.log(planTree(plan.plan, '    '));
    }
    console.log(`\nmachine at end: ${machineLoad()}`);
  } finally {
    await dataSource.destroy();
  }
} finally {
  await postgres.stop();
  rmSync(dir, { recursive: true, force: true });
}

/** `warmup` untimed runs, then `count` timed ones, one at a time; the last run's result. */
async function timeRuns<T>(count: number, run: () => Promise<T>, warmup = WARMUP_RUNS): Promise<{ latencies: number[]; cpuMs: number; result: T }> {
  let result: T | undefined;
  for (let i = 0; i < warmup; i++) result = await run();
  const latencies: number[] = [];
  let cpuMs = 0;
  for (let i = 0; i < count; i++) {
    const cpuBefore = postgresCpuMs();
    const before = performance.now();
    result = await run();
    latencies.push(performance.now() - before);
    cpuMs += postgresCpuMs() - cpuBefore;
  }
  return { latencies, cpuMs, result: result! };
}

/** Nearest rank: a measured value, no interpolation (as bench/support/stats.ts). */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(Math.ceil((p / 100) * sorted.length) - 1, 0)] ?? NaN;
}

function formatValue(figure: { value: number | null }): string {
  if (figure.value === null) return '—';
  return Number.isInteger(figure.value) ? thousands(figure.value) : figure.value.toFixed(3);
}

/** Every metric at every group key (and the total) of both results: same value and same sample size. */
function compareFigures(report: HelpdeskReportResult, naive: NaiveDashboard, groupBy: NaiveGrouping) {
  const reportByKey = new Map<string | null, MetricFigure[]>([[null, report.totals], ...report.groups.map((group): [string, MetricFigure[]] => [group.key, group.figures])]);
  const keys = new Set<string | null>([...reportByKey.keys(), ...naive.keys()]);
  const empty = (metric: ReportMetric): NaiveFigure => ({ value: 'count' in REPORT_METRICS[metric].aggregate ? 0 : null, sampleSize: 0 });
  const same = (a: number | null, b: number | null) =>
    a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return DASHBOARD.map((metric, index) => {
    let mismatches = 0;
    let example = '';
    for (const key of keys) {
      const fromReport: NaiveFigure = reportByKey.get(key)?.[index] ?? empty(metric);
      const fromNaive = naive.get(key)?.[metric] ?? empty(metric);
      if (!same(fromReport.value, fromNaive.value) || fromReport.sampleSize !== fromNaive.sampleSize) {
        mismatches += 1;
        example ||= ` (${key ?? 'total'}: ${fromReport.value}/${fromReport.sampleSize} vs ${fromNaive.value}/${fromNaive.sampleSize})`;
      }
    }
    if (example) console.log(`mismatch: ${metric} by ${groupBy}${example}`);
    return {
      metric,
      keys: keys.size,
      mismatches,
      reportTotal: formatValue(report.totals[index]),
      naiveTotal: formatValue(naive.get(null)?.[metric] ?? empty(metric)),
    };
  });
}
