import { holidaysText, parseHolidays, parseWeeklyHours, weeklyHoursText } from './calendar-form';

describe('business calendar form', () => {
  it('round-trips the weekly hours, several intervals a day and days off', () => {
    const intervals = [
      { day: 'MONDAY' as const, start: '09:00', end: '12:00' },
      { day: 'MONDAY' as const, start: '13:00', end: '17:00' },
      { day: 'FRIDAY' as const, start: '22:00', end: '06:00' },
    ];
    const text = weeklyHoursText(intervals);
    expect(text.MONDAY).toBe('09:00-12:00, 13:00-17:00');
    expect(text.SUNDAY).toBe('');
    expect(parseWeeklyHours(text)).toEqual({ intervals, badDays: [] });
  });

  it('pads short hours and names the days it cannot read', () => {
    const text = { ...weeklyHoursText([]), TUESDAY: '9:00 - 17:30', WEDNESDAY: 'all day' };
    expect(parseWeeklyHours(text)).toEqual({ intervals: [{ day: 'TUESDAY', start: '09:00', end: '17:30' }], badDays: ['WEDNESDAY'] });
  });

  it('round-trips holidays, recurring ones marked', () => {
    const holidays = [
      { date: '2026-12-25', name: 'Christmas Day', recurring: true },
      { date: '2026-04-03', name: null, recurring: false },
    ];
    expect(holidaysText(holidays)).toBe('2026-12-25 Christmas Day (every year)\n2026-04-03');
    expect(parseHolidays(holidaysText(holidays))).toEqual({ holidays, badLines: [] });
    expect(parseHolidays('Christmas\n\n2026-01-01 New year').badLines).toEqual(['Christmas']);
  });
});
