/** The KPIs a rollout is judged on after go-live; null where it could not be measured. */
export interface KpiSet {
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
  /** Share of answered surveys scoring 4 or 5, 0..1. */
  csat: number | null;
  ticketsPerAgentPerDay: number | null;
  selfServiceRate: number | null;
  firstContactResolution: number | null;
  escalationRate: number | null;
  reopenRate: number | null;
}
export type KpiName = keyof KpiSet;

/** Which way is better for each KPI. */
const LOWER_IS_BETTER: ReadonlySet<KpiName> = new Set(['firstResponseMinutes', 'resolutionMinutes', 'escalationRate', 'reopenRate']);
export const KPI_NAMES: readonly KpiName[] = [
  'firstResponseMinutes',
  'resolutionMinutes',
  'csat',
  'ticketsPerAgentPerDay',
  'selfServiceRate',
  'firstContactResolution',
  'escalationRate',
  'reopenRate',
];

export interface KpiComparison {
  kpi: KpiName;
  baseline: number | null;
  actual: number | null;
  /** actual − baseline. */
  change: number | null;
  /** Whether the change is an improvement (null: not comparable or unchanged). */
  improved: boolean | null;
}

export function compareKpis(baseline: Partial<KpiSet>, actual: KpiSet): KpiComparison[] {
  return KPI_NAMES.map((kpi) => {
    const before = baseline[kpi] ?? null;
    const now = actual[kpi];
    if (before === null || now === null) return { kpi, baseline: before, actual: now, change: null, improved: null };
    const change = now - before;
    return { kpi, baseline: before, actual: now, change, improved: change === 0 ? null : LOWER_IS_BETTER.has(kpi) ? change < 0 : change > 0 };
  });
}

export interface MoneyEntry {
  kind: 'cost' | 'benefit';
  amount: number;
  description: string;
}

export interface Roi {
  costs: number;
  benefits: number;
  /** (benefits − costs) / costs; null while no cost is recorded. */
  roi: number | null;
}

export function returnOnInvestment(entries: readonly MoneyEntry[]): Roi {
  const sum = (kind: MoneyEntry['kind']) => entries.filter((entry) => entry.kind === kind).reduce((total, entry) => total + entry.amount, 0);
  const costs = sum('cost');
  const benefits = sum('benefit');
  return { costs, benefits, roi: costs > 0 ? (benefits - costs) / costs : null };
}

/** A review's judgement of measured KPIs: against the baseline, and the ROI of the recorded costs and benefits. */
export function judgeReview(figures: { kpis: KpiSet; baseline: Partial<KpiSet>; money: readonly MoneyEntry[] }): { comparison: KpiComparison[]; roi: Roi } {
  return { comparison: compareKpis(figures.baseline, figures.kpis), roi: returnOnInvestment(figures.money) };
}
