import { compareKpis, returnOnInvestment, type KpiSet } from './kpis.js';

const ACTUAL: KpiSet = {
  firstResponseMinutes: 30,
  resolutionMinutes: 600,
  csat: 0.9,
  ticketsPerAgentPerDay: 12,
  selfServiceRate: null,
  firstContactResolution: 0.7,
  escalationRate: 0.1,
  reopenRate: 0.05,
};

describe('compareKpis', () => {
  const comparison = compareKpis(
    { firstResponseMinutes: 60, resolutionMinutes: 500, csat: 0.8, ticketsPerAgentPerDay: 12, selfServiceRate: 0.2, escalationRate: 0.2 },
    ACTUAL,
  );
  const byKpi = Object.fromEntries(comparison.map((entry) => [entry.kpi, entry]));

  it.each([
    ['firstResponseMinutes', -30, true],
    ['resolutionMinutes', 100, false],
    ['escalationRate', -0.1, true],
    ['ticketsPerAgentPerDay', 0, null],
    ['selfServiceRate', null, null],
    ['reopenRate', null, null],
  ] as const)('%s changes by %s (improved: %s)', (kpi, change, improved) => {
    expect(byKpi[kpi].change === null ? null : Math.round(byKpi[kpi].change * 100) / 100).toBe(change);
    expect(byKpi[kpi].improved).toBe(improved);
  });

  it('CSAT up is an improvement', () => {
    expect(byKpi.csat.improved).toBe(true);
  });
});

describe('returnOnInvestment', () => {
  it.each([
    { entries: [], roi: null, costs: 0, benefits: 0 },
    { entries: [{ kind: 'cost' as const, amount: 1000, description: 'licences' }], roi: -1, costs: 1000, benefits: 0 },
    {
      entries: [
        { kind: 'cost' as const, amount: 1000, description: 'licences' },
        { kind: 'cost' as const, amount: 1000, description: 'training' },
        { kind: 'benefit' as const, amount: 5000, description: 'hours saved' },
      ],
      roi: 1.5,
      costs: 2000,
      benefits: 5000,
    },
  ])('(benefits − costs) / costs: $roi', ({ entries, roi, costs, benefits }) => {
    expect(returnOnInvestment(entries)).toEqual({ roi, costs, benefits });
  });
});
