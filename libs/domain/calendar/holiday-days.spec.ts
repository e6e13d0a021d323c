import { HolidayDays } from './holiday-days.js';

const DAY = 86_400_000;
const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY;
const dateOf = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

describe('HolidayDays', () => {
  const holidays = new HolidayDays([
    { date: '2026-07-04' },
    { date: '2019-12-25', recurring: true },
    { date: '2020-02-29', recurring: true },
  ]);

  it('knows one-off holidays in their year only, recurring ones in every year, and 02-29 in leap years only', () => {
    for (let day = dayOf('1890-01-01'); day < dayOf('2110-01-01'); day++) {
      const date = dateOf(day);
      const expected = date === '2026-07-04' || date.endsWith('12-25') || date.endsWith('02-29');
      if (holidays.has(day) !== expected) throw new Error(`${date}: has() said ${!expected}`);
    }
  });

  it('finds the first holiday on or after a date', () => {
    expect(dateOf(holidays.firstFrom(dayOf('2026-03-01')))).toBe('2026-07-04');
    expect(dateOf(holidays.firstFrom(dayOf('2026-07-04')))).toBe('2026-07-04');
    expect(dateOf(holidays.firstFrom(dayOf('2026-12-26')))).toBe('2027-12-25');
    expect(dateOf(holidays.firstFrom(dayOf('2099-12-26')))).toBe('2100-12-25'); // 2100 is no leap year
    expect(dateOf(holidays.firstFrom(dayOf('2103-12-26')))).toBe('2104-02-29');
    expect(new HolidayDays([]).firstFrom(0)).toBe(Infinity);
  });
});
