import { weekByWeekAddBusinessTime, weekByWeekBusinessTimeBetween } from './fixtures/week-by-week-walk.js';
import { hasOvernightShift, prng, randomCalendar, randomInt, randomStart, type Random } from './fixtures/random-calendars.js';
import { addBusinessTime, businessTimeBetween, type BusinessCalendar } from './index.js';

/**
 * The current walk (whole weeks skipped, offsets cached) against the week-by-week walk it replaced, on a large random
 * sample at millisecond precision. They must agree everywhere but on the documented rule change of issue 16: so either
 * the calendar keeps the old holiday rule ('calendar-date'), or it has no overnight shift for the rules to differ on.
 */
const DAY = 86_400_000;

interface Case {
  calendar: BusinessCalendar;
  from: number;
  durationMs: number;
  to: number;
}

function randomCase(random: Random, weeks: number): Case {
  const start = randomStart(random);
  const from = start.from + randomInt(random, DAY);
  const holidayRule = random() < 0.5 ? 'calendar-date' : undefined;
  const calendar = randomCalendar(random, { ...start, from }, { holidayCount: 3 * weeks, holidayDays: 8 * weeks, holidayRule });
  // Scaled to the calendar's own week, so a calendar of a few minutes a week is not asked for years of them.
  const weekMs = weekByWeekBusinessTimeBetween({ ...calendar, holidays: [] }, from, from + 7 * DAY);
  return { calendar, from, durationMs: randomInt(random, weeks * weekMs), to: from + randomInt(random, weeks * 7 * DAY) };
}

function expectSameAsBefore({ calendar, from, durationMs, to }: Case): void {
  const context = JSON.stringify({ calendar, from: new Date(from).toISOString(), durationMs, to: new Date(to).toISOString() });
  const now = { deadline: addBusinessTime(calendar, from, durationMs), between: businessTimeBetween(calendar, from, to), context };
  const before = { deadline: weekByWeekAddBusinessTime(calendar, from, durationMs), between: weekByWeekBusinessTimeBetween(calendar, from, to), context };
  expect(now).toEqual(before);
}

describe('business time: the same answers as the week-by-week walk it replaced', () => {
  const random = prng(20261207);
  const cases = [
    ...Array.from({ length: 3000 }, () => randomCase(random, 5)),
    ...Array.from({ length: 60 }, () => randomCase(random, 52)),
  ].filter((c) => c.calendar.holidayRule === 'calendar-date' || !hasOvernightShift(c.calendar) || c.calendar.holidays.length === 0);

  it('compares enough cases of each kind: the old rule with overnight shifts and holidays, and the new rule', () => {
    const oldRule = cases.filter((c) => c.calendar.holidayRule === 'calendar-date');
    expect(oldRule.filter(({ calendar }) => hasOvernightShift(calendar) && calendar.holidays.length > 0).length).toBeGreaterThan(500);
    expect(cases.length - oldRule.length).toBeGreaterThan(100);
  });

  it('agrees on every case', () => {
    for (const c of cases) expectSameAsBefore(c);
  });
});

