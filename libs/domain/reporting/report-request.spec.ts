import { reportRequestProblems } from './report-request.js';

const valid = { from: '2026-11-01', to: '2026-11-30', timeZone: 'Europe/Paris', groupBy: 'day' as const };

describe('reportRequestProblems', () => {
  it('accepts a month grouped by day', () => {
    expect(reportRequestProblems(valid)).toEqual([]);
  });

  it('accepts a single day (the range includes its last day)', () => {
    expect(reportRequestProblems({ ...valid, to: valid.from })).toEqual([]);
  });

  it('refuses an inverted range, naming the field', () => {
    expect(reportRequestProblems({ ...valid, from: '2026-12-01', to: '2026-11-30' })).toEqual([
      { field: 'to', message: 'The range ends (2026-11-30) before it starts (2026-12-01).' },
    ]);
  });

  it('refuses dates that are not real calendar dates', () => {
    expect(reportRequestProblems({ ...valid, from: '2026-02-30', to: 'tomorrow' }).map((problem) => problem.field)).toEqual(['from', 'to']);
  });

  it('refuses a range too long for its grouping: 367 days by day, but accepts them by month', () => {
    const long = { ...valid, from: '2025-01-01', to: '2026-01-02' };
    expect(reportRequestProblems(long)).toEqual([{ field: 'to', message: 'A report grouped by day covers at most 366 days; this range has 367.' }]);
    expect(reportRequestProblems({ ...long, groupBy: 'month' })).toEqual([]);
  });

  it('refuses an unknown time zone', () => {
    expect(reportRequestProblems({ ...valid, timeZone: 'Mars/Olympus' })[0].field).toBe('timeZone');
  });

  it('refuses a repeat-contact window outside 1..365 days', () => {
    expect(reportRequestProblems({ ...valid, repeatContactDays: 0 })[0].field).toBe('repeatContactDays');
    expect(reportRequestProblems({ ...valid, repeatContactDays: 2.5 })[0].field).toBe('repeatContactDays');
    expect(reportRequestProblems({ ...valid, repeatContactDays: 30 })).toEqual([]);
  });
});
