import { lastDays, localDate, shortDay } from './report-range';

describe('report range of the board', () => {
  it('ends today in the viewer time zone and counts today among the days', () => {
    const now = Date.parse('2026-12-07T02:30:00Z');
    expect(lastDays(7, now, 'UTC')).toEqual({ from: '2026-12-01', to: '2026-12-07' });
    // Still the 6th in New York.
    expect(lastDays(7, now, 'America/New_York')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(lastDays(30, now, 'UTC')).toEqual({ from: '2026-11-08', to: '2026-12-07' });
  });

  it('crosses a daylight-saving change without losing a day', () => {
    const now = Date.parse('2026-03-30T12:00:00Z');
    expect(lastDays(7, now, 'Europe/Berlin')).toEqual({ from: '2026-03-24', to: '2026-03-30' });
  });

  it('reads dates as people do', () => {
    expect(localDate(Date.parse('2026-12-31T23:30:00Z'), 'Europe/Berlin')).toBe('2027-01-01');
    expect(shortDay('2026-12-07')).toBe('7 Dec');
  });
});
