import { prng, randomCalendar, randomInt, randomStart, type Random } from './fixtures/random-calendars.js';
import {
  addBusinessTime,
  businessTimeBetween,
  isWorkingTime,
  nextWorkingInstant,
  type BusinessCalendar,
  type HolidayRule,
} from './index.js';

/**
 * The calendar functions against a brute-force oracle that walks minute by minute, reading each minute's local wall
 * clock straight from Intl and checking it against the intervals and holidays as written.
 */
const MINUTE = 60_000;
const DAY = 1440 * MINUTE;

/** The calendar as the oracle reads it: intervals in minutes, holidays as sets of dates. */
interface OracleCalendar {
  format: (instant: number) => string;
  intervals: { day: number; start: number; end: number }[];
  isHoliday: (date: string) => boolean;
  rule: HolidayRule;
  dates: Map<string, DateFacts>;
}

function oracleCalendar(cal: BusinessCalendar): OracleCalendar {
  const options = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' } as const;
  const formatter = new Intl.DateTimeFormat('en-US', { timeZone: cal.timeZone, hourCycle: 'h23', ...options });
  const toMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  const oneOff = new Set(cal.holidays.filter((h) => !h.recurring).map((h) => h.date));
  const recurring = new Set(cal.holidays.filter((h) => h.recurring).map((h) => h.date.slice(5)));
  return {
    format: (instant) => formatter.format(instant),
    intervals: cal.intervals.map(({ day, start, end }) => ({ day, start: toMinutes(start), end: toMinutes(end) })),
    isHoliday: (date) => oneOff.has(date) || recurring.has(date.slice(5)),
    rule: cal.holidayRule ?? 'whole-shifts',
    dates: new Map(),
  };
}

const dayBefore = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) - DAY).toISOString().slice(0, 10);
const weekdayOf = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

/** What the oracle needs to know of a local date, worked out once per date (a minute-by-minute walk is long). */
interface DateFacts {
  weekday: number;
  holiday: boolean;
  weekdayBefore: number;
  holidayBefore: boolean;
}
function factsOf(cal: OracleCalendar, date: string): DateFacts {
  let facts = cal.dates.get(date);
  if (!facts) {
    const before = dayBefore(date);
    facts = { weekday: weekdayOf(date), holiday: cal.isHoliday(date), weekdayBefore: weekdayOf(before), holidayBefore: cal.isHoliday(before) };
    cal.dates.set(date, facts);
  }
  return facts;
}

/**
 * A minute works when a shift covers its wall clock: one starting today, or an overnight one started yesterday. Under
 * 'whole-shifts' a holiday cancels the shifts starting on it; under 'calendar-date' it clears its own date.
 */
function oracleIsWorking(cal: OracleCalendar, instant: number): boolean {
  const [, month, day, year, hour, minute] = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+)$/.exec(cal.format(instant)) ?? [];
  const { weekday, holiday, weekdayBefore, holidayBefore } = factsOf(cal, `${year}-${month}-${day}`);
  const wall = Number(hour) * 60 + Number(minute);
  if (cal.rule === 'calendar-date' && holiday) return false;
  const startsToday = cal.rule === 'calendar-date' || !holiday;
  const startedYesterday = cal.rule === 'calendar-date' || !holidayBefore;
  return cal.intervals.some(({ day: d, start, end }) => {
    const overnight = end <= start;
    if (d === weekday && startsToday && wall >= start && (overnight || wall < end)) return true;
    return overnight && d === weekdayBefore && startedYesterday && wall < end;
  });
}

function oracleAdd(cal: OracleCalendar, from: number, minutes: number): number {
  let t = from;
  for (let counted = 0; counted < minutes; t += MINUTE) {
    if (t - from > 400 * DAY) throw new Error('oracle ran away');
    if (oracleIsWorking(cal, t)) counted++;
  }
  return t;
}

interface Case {
  calendar: BusinessCalendar;
  from: number;
  durationMinutes: number;
}

function shortCase(random: Random): Case {
  const start = randomStart(random);
  const holidayRule = random() < 0.25 ? 'calendar-date' : undefined;
  return { calendar: randomCalendar(random, start, { holidayRule }), ...start, durationMinutes: randomInt(random, 2 * 1440) };
}

/** Around 30 calendar days of the calendar's own working time, with holidays all over them. */
function thirtyDayCase(random: Random): Case {
  const start = randomStart(random);
  const calendar = randomCalendar(random, start, { holidayCount: 12, holidayDays: 40 });
  const weekMinutes = businessTimeBetween(calendar, start.from, start.from + 7 * DAY) / MINUTE;
  return { calendar, ...start, durationMinutes: Math.round((weekMinutes * (26 + randomInt(random, 9))) / 7) };
}

function expectLikeOracle({ calendar, from, durationMinutes }: Case): void {
  const oracle = oracleCalendar(calendar);
  const expected = oracleAdd(oracle, from, durationMinutes);
  const actual = addBusinessTime(calendar, from, durationMinutes * MINUTE);
  const context = JSON.stringify({ calendar, from: new Date(from).toISOString(), durationMinutes });
  expect({ actual: new Date(actual).toISOString(), context }).toEqual({ actual: new Date(expected).toISOString(), context });
  expect(businessTimeBetween(calendar, from, actual)).toBe(durationMinutes * MINUTE);
  expect(isWorkingTime(calendar, from)).toBe(oracleIsWorking(oracle, from));
  expect(nextWorkingInstant(calendar, from)).toBe(oracleAdd(oracle, from, 1) - MINUTE);
}

describe('business time against a minute-by-minute oracle', () => {
  const random = prng(20260329);
  const shortCases = Array.from({ length: 300 }, () => shortCase(random));
  const longCases = Array.from({ length: 80 }, () => thirtyDayCase(random));

  it('has cases the holiday rules tell apart (holidays where overnight shifts start or end)', () => {
    const endUnder = ({ calendar, from, durationMinutes }: Case, holidayRule: HolidayRule) =>
      addBusinessTime({ ...calendar, holidayRule }, from, durationMinutes * MINUTE);
    const differing = shortCases.filter((c) => endUnder(c, 'whole-shifts') !== endUnder(c, 'calendar-date'));
    expect(differing.length).toBeGreaterThan(shortCases.length / 10);
  });

  it.each(shortCases.map((c, index) => [index, c] as const))('up to 2 working days, case %i', (_, c) => expectLikeOracle(c));

  it.each(longCases.map((c, index) => [index, c] as const))('30-day target, case %i', (_, c) => expectLikeOracle(c));
});
