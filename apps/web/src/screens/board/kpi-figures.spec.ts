import { dayRows, formatFigure } from './kpi-figures';

describe('KPI figures of the board', () => {
  it('turns the report days into chart rows: counts, percents, minutes, gaps', () => {
    const rows = dayRows([
      {
        key: '2026-12-06',
        figures: [
          { metric: 'TICKETS_CREATED', unit: 'TICKETS', value: 4 },
          { metric: 'TICKETS_SOLVED', unit: 'TICKETS', value: 1 },
          { metric: 'FIRST_REPLY_TIME', unit: 'MINUTES', value: 12.345 },
          { metric: 'SLA_COMPLIANCE', unit: 'RATIO', value: 0.6667 },
          { metric: 'CSAT', unit: 'RATIO', value: null },
        ],
      },
      { key: '2026-12-07', figures: [] },
    ]);
    expect(rows).toEqual([
      { day: '2026-12-06', label: '6 Dec', TICKETS_CREATED: 4, TICKETS_SOLVED: 1, FIRST_REPLY_TIME: 12.3, SLA_COMPLIANCE: 66.7, CSAT: null },
      { day: '2026-12-07', label: '7 Dec', TICKETS_CREATED: null, TICKETS_SOLVED: null, FIRST_REPLY_TIME: null, SLA_COMPLIANCE: null, CSAT: null },
    ]);
  });

  it('reads a figure in its unit', () => {
    expect(formatFigure({ metric: 'TICKETS_CREATED', unit: 'TICKETS', value: 5 })).toBe('5');
    expect(formatFigure({ metric: 'SLA_COMPLIANCE', unit: 'RATIO', value: 0.875 })).toBe('87.5 %');
    expect(formatFigure({ metric: 'FIRST_REPLY_TIME', unit: 'MINUTES', value: 65 })).toBe('1 h 05 min');
    expect(formatFigure({ metric: 'CSAT', unit: 'RATIO', value: null })).toBe('no data');
    expect(formatFigure(undefined)).toBe('no data');
  });
});
