import { formatDuration } from '../../lib/durations';

/** How the review tables name and show each KPI (the names are those of libs/domain/rollout/kpis.ts). */
const KPI_LABELS: Record<string, string> = {
  firstResponseMinutes: 'First response time',
  resolutionMinutes: 'Resolution time',
  csat: 'CSAT',
  ticketsPerAgentPerDay: 'Tickets per agent per day',
  selfServiceRate: 'Self-service rate',
  firstContactResolution: 'First-contact resolution',
  escalationRate: 'Escalation rate',
  reopenRate: 'Reopen rate',
};

const MINUTE_KPIS = new Set(['firstResponseMinutes', 'resolutionMinutes']);
const SHARE_KPIS = new Set(['csat', 'selfServiceRate', 'firstContactResolution', 'escalationRate', 'reopenRate']);

export function kpiLabel(kpi: string): string {
  return KPI_LABELS[kpi] ?? kpi;
}

/** A KPI value in its unit: a duration, a percentage, or a plain number; "not measured" for null. */
export function formatKpi(kpi: string, value: number | null | undefined): string {
  if (value === null || value === undefined) return 'not measured';
  if (MINUTE_KPIS.has(kpi)) return formatDuration(value * 60);
  if (SHARE_KPIS.has(kpi)) return `${round(value * 100)} %`;
  return String(round(value));
}

/** A change against the baseline with its sign: "+12 %" (percentage points for shares), "−1 h 05 min". */
export function formatKpiChange(kpi: string, change: number | null | undefined): string {
  if (change === null || change === undefined) return '—';
  if (change === 0) return 'no change';
  const sign = change > 0 ? '+' : '−';
  if (MINUTE_KPIS.has(kpi)) return `${sign}${formatDuration(Math.abs(change) * 60)}`;
  if (SHARE_KPIS.has(kpi)) return `${sign}${round(Math.abs(change) * 100)} pts`;
  return `${sign}${round(Math.abs(change))}`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
