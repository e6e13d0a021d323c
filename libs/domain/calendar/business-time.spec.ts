import {
  ALWAYS_OPEN_CALENDAR,
  addBusinessTime,
  businessTimeBetween,
  isWorkingTime,
  nextWorkingInstant,
  type BusinessCalendar,
  type Holiday,
  type Weekday,
} from './index.js';

const HOUR = 3_600_000;
const at = (iso: string): number => Date.parse(iso);
// Compared as UTC ISO strings so that a failure shows readable instants.
const expectInstant = (actual: number, expected: string): void =>
  expect(new Date(actual).toISOString()).toBe(new Date(at(expected)).toISOString());

const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5];
const EVERY_DAY: Weekday[] = [0, 1, 2, 3, 4, 5, 6];

function weekly(timeZone: string, days: Weekday[], hours: [string, string][], holidays: Holiday[] = []): BusinessCalendar {
  return { timeZone, intervals: days.flatMap((day) => hours.map(([start, end]) => ({ day, start, end }))), holidays };
}

describe('24x7', () => {
  it('adds elapsed time', () => {
    expectInstant(addBusinessTime(ALWAYS_OPEN_CALENDAR, at('2026-12-31T22:30:00Z'), 4 * HOUR), '2027-01-01T02:30:00Z');
  });

  it('is always working', () => {
    expect(isWorkingTime(ALWAYS_OPEN_CALENDAR, at('2026-06-07T00:00:00Z'))).toBe(true);
    expect(businessTimeBetween(ALWAYS_OPEN_CALENDAR, at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'))).toBe(365 * 24 * HOUR);
  });
});

describe('Mon–Fri 09:00–17:00 in America/New_York', () => {
  const office = weekly('America/New_York', WEEKDAYS, [['09:00', '17:00']]);

  it('carries a target over the weekend: Friday 16:00 + 4 h is Monday 12:00', () => {
    expectInstant(addBusinessTime(office, at('2026-01-16T16:00:00-05:00'), 4 * HOUR), '2026-01-19T12:00:00-05:00');
  });

  it('starts counting at the next working instant when started on the weekend', () => {
    const saturday = at('2026-01-17T10:00:00-05:00');
    expect(isWorkingTime(office, saturday)).toBe(false);
    expectInstant(nextWorkingInstant(office, saturday), '2026-01-19T09:00:00-05:00');
    expectInstant(addBusinessTime(office, saturday, HOUR), '2026-01-19T10:00:00-05:00');
  });

  it('treats the interval as [start, end) and lands a full day on 17:00, not the next morning', () => {
    expect(isWorkingTime(office, at('2026-01-19T09:00:00-05:00'))).toBe(true);
    expect(isWorkingTime(office, at('2026-01-19T17:00:00-05:00'))).toBe(false);
    expectInstant(addBusinessTime(office, at('2026-01-19T09:00:00-05:00'), 8 * HOUR), '2026-01-19T17:00:00-05:00');
  });

  it('spans three weeks, across the March 8 change to daylight time', () => {
    const from = at('2026-02-23T09:00:00-05:00');
    expectInstant(addBusinessTime(office, from, 120 * HOUR), '2026-03-13T17:00:00-04:00');
    expectInstant(addBusinessTime(office, from, 121 * HOUR), '2026-03-16T10:00:00-04:00');
  });

  it('skips a holiday on the Monday', () => {
    const withHoliday = weekly('America/New_York', WEEKDAYS, [['09:00', '17:00']], [{ date: '2026-01-19', name: 'MLK Day' }]);
    expectInstant(addBusinessTime(withHoliday, at('2026-01-16T16:00:00-05:00'), 4 * HOUR), '2026-01-20T12:00:00-05:00');
  });

  it('applies a recurring holiday in later years, and a one-off holiday only in its own year', () => {
    const thursday = at('2026-12-24T16:00:00-05:00');
    const recurring = weekly('America/New_York', WEEKDAYS, [['09:00', '17:00']], [{ date: '2020-12-25', recurring: true }]);
    const oneOff = weekly('America/New_York', WEEKDAYS, [['09:00', '17:00']], [{ date: '2020-12-25' }]);
    expectInstant(addBusinessTime(recurring, thursday, 2 * HOUR), '2026-12-28T10:00:00-05:00');
    expectInstant(addBusinessTime(oneOff, thursday, 2 * HOUR), '2026-12-25T10:00:00-05:00');
  });

  it('returns from itself for a zero duration, even outside working time', () => {
    const saturday = at('2026-01-17T10:00:00-05:00');
    expect(addBusinessTime(office, saturday, 0)).toBe(saturday);
  });

  it('refuses a negative duration and counts nothing in an empty range', () => {
    expect(() => addBusinessTime(office, 0, -1)).toThrow(RangeError);
    expect(businessTimeBetween(office, at('2026-01-20T12:00:00Z'), at('2026-01-19T12:00:00Z'))).toBe(0);
  });
});

describe('overnight shifts 22:00–06:00, Sunday to Thursday nights, in Asia/Tokyo', () => {
  const nights: Weekday[] = [0, 1, 2, 3, 4];
  const nightShift = (holidays: Holiday[] = []) => weekly('Asia/Tokyo', nights, [['22:00', '06:00']], holidays);

  it('runs each shift into the next morning and skips Friday and Saturday nights', () => {
    expect(isWorkingTime(nightShift(), at('2026-01-16T03:00:00+09:00'))).toBe(true);
    expect(isWorkingTime(nightShift(), at('2026-01-16T22:30:00+09:00'))).toBe(false);
    expectInstant(addBusinessTime(nightShift(), at('2026-01-15T23:00:00+09:00'), 8 * HOUR), '2026-01-18T23:00:00+09:00');
    expect(businessTimeBetween(nightShift(), at('2026-01-11T00:00:00+09:00'), at('2026-01-18T00:00:00+09:00'))).toBe(40 * HOUR);
  });

  it('works the whole shift of the evening before a holiday, past midnight', () => {
    const cal = nightShift([{ date: '2026-01-16' }]);
    expect(isWorkingTime(cal, at('2026-01-16T03:00:00+09:00'))).toBe(true);
    expectInstant(addBusinessTime(cal, at('2026-01-15T23:00:00+09:00'), 2 * HOUR), '2026-01-16T01:00:00+09:00');
  });

  it('cancels the whole shift that starts on a holiday, its after-midnight part included', () => {
    const cal = nightShift([{ date: '2026-01-15' }]);
    expect(isWorkingTime(cal, at('2026-01-16T01:00:00+09:00'))).toBe(false);
    expectInstant(addBusinessTime(cal, at('2026-01-15T21:00:00+09:00'), HOUR), '2026-01-18T23:00:00+09:00');
  });

  it("counts by calendar date under the rule before issue 16 ('calendar-date'), kept for SLA clocks set under it", () => {
    const holidayFriday = { ...nightShift([{ date: '2026-01-16' }]), holidayRule: 'calendar-date' as const };
    expect(isWorkingTime(holidayFriday, at('2026-01-16T03:00:00+09:00'))).toBe(false);
    expectInstant(addBusinessTime(holidayFriday, at('2026-01-15T23:00:00+09:00'), 2 * HOUR), '2026-01-18T23:00:00+09:00');
    const holidayThursday = { ...nightShift([{ date: '2026-01-15' }]), holidayRule: 'calendar-date' as const };
    expectInstant(addBusinessTime(holidayThursday, at('2026-01-15T21:00:00+09:00'), HOUR), '2026-01-16T01:00:00+09:00');
  });
});

describe('a holiday Monday with a 21:30–01:30 shift every night, in Europe/Berlin (issue 16)', () => {
  const cal = weekly('Europe/Berlin', EVERY_DAY, [['21:30', '01:30']], [{ date: '2026-06-01' }]);

  it("does not count Tuesday 00:00–01:30, the tail of Monday's cancelled shift", () => {
    expect(isWorkingTime(cal, at('2026-06-02T00:30:00+02:00'))).toBe(false);
    expect(businessTimeBetween(cal, at('2026-06-01T12:00:00+02:00'), at('2026-06-02T12:00:00+02:00'))).toBe(0);
  });

  it("runs Sunday evening's shift to its end at 01:30 on the holiday", () => {
    expect(isWorkingTime(cal, at('2026-06-01T01:00:00+02:00'))).toBe(true);
    expect(businessTimeBetween(cal, at('2026-05-31T12:00:00+02:00'), at('2026-06-01T12:00:00+02:00'))).toBe(4 * HOUR);
    expectInstant(addBusinessTime(cal, at('2026-05-31T21:30:00+02:00'), 5 * HOUR), '2026-06-02T22:30:00+02:00');
  });
});

describe('long targets (whole weeks are skipped)', () => {
  const office = weekly('America/New_York', WEEKDAYS, [['09:00', '17:00']], [
    { date: '2026-05-25', name: 'Memorial Day' },
    { date: '2020-12-25', recurring: true },
  ]);

  it('counts a year of office hours across both DST changes, a holiday and a recurring one', () => {
    const from = at('2026-01-05T09:00:00-05:00');
    // 2026 has 261 weekdays; 259 of them from Jan 5 on, less Memorial Day and Christmas: 257 days of 8 h.
    expect(businessTimeBetween(office, from, at('2027-01-01T00:00:00-05:00'))).toBe(257 * 8 * HOUR);
    expectInstant(addBusinessTime(office, from, 257 * 8 * HOUR), '2026-12-31T17:00:00-05:00');
    expectInstant(addBusinessTime(office, from, 257 * 8 * HOUR + 1), '2027-01-01T09:00:00.001-05:00');
  });

  it('counts thirty days around the clock as 720 hours, even across a DST change', () => {
    const cal = weekly('Europe/Berlin', EVERY_DAY, [['00:00', '24:00']]);
    expectInstant(addBusinessTime(cal, at('2026-03-10T10:00:00+01:00'), 720 * HOUR), '2026-04-09T11:00:00+02:00');
  });
});

describe('several intervals a day in Asia/Kolkata', () => {
  const split = weekly('Asia/Kolkata', WEEKDAYS, [['09:00', '12:00'], ['13:00', '17:00']]);

  it('skips the lunch break', () => {
    expectInstant(addBusinessTime(split, at('2026-01-12T11:00:00+05:30'), 2 * HOUR), '2026-01-12T14:00:00+05:30');
    expect(isWorkingTime(split, at('2026-01-12T12:30:00+05:30'))).toBe(false);
    expectInstant(nextWorkingInstant(split, at('2026-01-12T12:30:00+05:30')), '2026-01-12T13:00:00+05:30');
  });

  it('fills a 7-hour day and moves on to the next', () => {
    expectInstant(addBusinessTime(split, at('2026-01-12T09:00:00+05:30'), 7 * HOUR), '2026-01-12T17:00:00+05:30');
    expectInstant(addBusinessTime(split, at('2026-01-12T09:00:00+05:30'), 8 * HOUR), '2026-01-13T10:00:00+05:30');
  });

  it('merges overlapping intervals', () => {
    const overlapping = weekly('Asia/Kolkata', WEEKDAYS, [['09:00', '12:00'], ['11:00', '14:00']]);
    expect(businessTimeBetween(overlapping, at('2026-01-12T00:00:00+05:30'), at('2026-01-13T00:00:00+05:30'))).toBe(5 * HOUR);
  });
});

describe('daylight saving time in Europe/Berlin', () => {
  const springDay = [at('2026-03-29T00:00:00+01:00'), at('2026-03-30T00:00:00+02:00')] as const;
  const fallDay = [at('2026-10-25T00:00:00+02:00'), at('2026-10-26T00:00:00+01:00')] as const;
  const daily = (start: string, end: string) => weekly('Europe/Berlin', EVERY_DAY, [[start, end]]);

  it('skips the missing hour of 2026-03-29 (02:00 → 03:00)', () => {
    expect(businessTimeBetween(daily('01:00', '05:00'), ...springDay)).toBe(3 * HOUR);
    expect(businessTimeBetween(daily('02:00', '04:00'), ...springDay)).toBe(HOUR);
    expect(businessTimeBetween(daily('09:00', '17:00'), ...springDay)).toBe(8 * HOUR);
    expectInstant(addBusinessTime(daily('01:00', '05:00'), at('2026-03-29T01:30:00+01:00'), HOUR), '2026-03-29T03:30:00+02:00');
    expectInstant(nextWorkingInstant(daily('02:00', '04:00'), springDay[0]), '2026-03-29T03:00:00+02:00');
  });

  it('counts the repeated hour of 2026-10-25 (03:00 → 02:00) twice', () => {
    const cal = daily('01:00', '05:00');
    expect(businessTimeBetween(cal, ...fallDay)).toBe(5 * HOUR);
    expectInstant(addBusinessTime(cal, at('2026-10-25T01:00:00+02:00'), 2 * HOUR), '2026-10-25T02:00:00+01:00');
    expectInstant(addBusinessTime(cal, at('2026-10-25T01:00:00+02:00'), 4 * HOUR), '2026-10-25T04:00:00+01:00');
    expectInstant(addBusinessTime(cal, at('2026-10-25T01:00:00+02:00'), 5 * HOUR + 1), '2026-10-26T01:00:00.001+01:00');
  });

  it('counts both passes of a wall-clock interval that starts inside the repeated hour', () => {
    const cal = daily('02:30', '04:00');
    expect(businessTimeBetween(cal, ...fallDay)).toBe(2 * HOUR);
    expect(isWorkingTime(cal, at('2026-10-25T02:15:00+02:00'))).toBe(false);
    expect(isWorkingTime(cal, at('2026-10-25T02:45:00+02:00'))).toBe(true);
    expect(isWorkingTime(cal, at('2026-10-25T02:15:00+01:00'))).toBe(false);
    expect(isWorkingTime(cal, at('2026-10-25T02:45:00+01:00'))).toBe(true);
  });

  it('counts real elapsed time on a 24x7 Berlin calendar', () => {
    const cal = daily('00:00', '24:00');
    expectInstant(addBusinessTime(cal, at('2026-03-28T12:00:00+01:00'), 24 * HOUR), '2026-03-29T13:00:00+02:00');
    expectInstant(addBusinessTime(cal, at('2026-10-24T12:00:00+02:00'), 24 * HOUR), '2026-10-25T11:00:00+01:00');
    expect(businessTimeBetween(cal, ...springDay)).toBe(23 * HOUR);
    expect(businessTimeBetween(cal, ...fallDay)).toBe(25 * HOUR);
  });
});

describe('round trips', () => {
  const calendars: BusinessCalendar[] = [
    ALWAYS_OPEN_CALENDAR,
    weekly('America/New_York', WEEKDAYS, [['09:00', '17:00']], [{ date: '2026-03-09' }]),
    weekly('Europe/Berlin', EVERY_DAY, [['01:30', '04:15'], ['20:00', '02:00']]),
  ];
  const froms = ['2026-03-06T15:17:00Z', '2026-03-28T23:59:00Z', '2026-10-24T18:00:00Z'];
  const durations = [1, 59 * 60_000, 7 * HOUR, 30 * HOUR, 200 * HOUR];

  it('businessTimeBetween(from, addBusinessTime(from, d)) is d', () => {
    for (const cal of calendars) {
      for (const from of froms.map(at)) {
        for (const duration of durations) expect(businessTimeBetween(cal, from, addBusinessTime(cal, from, duration))).toBe(duration);
      }
    }
  });
});

describe('guards', () => {
  const everyDateOf = (firstYear: number, lastYear: number): Holiday[] => {
    const holidays: Holiday[] = [];
    for (let t = Date.UTC(firstYear, 0, 1); t < Date.UTC(lastYear + 1, 0, 1); t += 24 * HOUR) {
      holidays.push({ date: new Date(t).toISOString().slice(0, 10) });
    }
    return holidays;
  };
  const from = at('2026-01-01T00:00:00-05:00');

  it('refuses a calendar that fails validation', () => {
    expect(() => addBusinessTime({ timeZone: 'UTC', intervals: [], holidays: [] }, from, HOUR)).toThrow(
      'Invalid business calendar: The calendar has no working time',
    );
    expect(() => isWorkingTime({ ...ALWAYS_OPEN_CALENDAR, timeZone: 'Mars/Olympus' }, from)).toThrow('Unknown time zone');
  });

  it('gives up after three years without working time', () => {
    const cal = weekly('America/New_York', WEEKDAYS, [['09:00', '17:00']], everyDateOf(2026, 2029));
    expect(() => addBusinessTime(cal, from, HOUR)).toThrow(/no working time in the three years after 2026-01-01T05:00:00\.000Z/);
    expect(() => nextWorkingInstant(cal, from)).toThrow(/no working time in the three years/);
    expect(businessTimeBetween(cal, from, at('2028-01-01T00:00:00Z'))).toBe(0);
  });

  it('still crosses two years of holidays', () => {
    const cal = weekly('America/New_York', WEEKDAYS, [['09:00', '17:00']], everyDateOf(2026, 2027));
    expectInstant(addBusinessTime(cal, from, HOUR), '2028-01-03T10:00:00-05:00');
  });
});
