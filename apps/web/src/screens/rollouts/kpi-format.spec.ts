import { formatKpi, formatKpiChange, kpiLabel } from './kpi-format';

describe('KPI formatting', () => {
  it.each([
    ['firstResponseMinutes', 240, '4 h 00 min'],
    ['csat', 0.784, '78.4 %'],
    ['ticketsPerAgentPerDay', 18.25, '18.3'],
    ['reopenRate', null, 'not measured'],
  ])('%s %p reads %s', (kpi, value, text) => {
    expect(formatKpi(kpi, value)).toBe(text);
  });

  it.each([
    ['firstResponseMinutes', -65, '−1 h 05 min'],
    ['csat', 0.05, '+5 pts'],
    ['ticketsPerAgentPerDay', 2, '+2'],
    ['csat', 0, 'no change'],
    ['csat', null, '—'],
  ])('a change of %s by %p reads %s', (kpi, change, text) => {
    expect(formatKpiChange(kpi, change)).toBe(text);
  });

  it('names known KPIs and keeps unknown ones as they are', () => {
    expect(kpiLabel('csat')).toBe('CSAT');
    expect(kpiLabel('newMetric')).toBe('newMetric');
  });
});
