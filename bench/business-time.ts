import { parseArgs } from 'node:util';
import { addBusinessTime, type BusinessCalendar, type Weekday } from '../libs/domain/calendar/index.js';
import { weekByWeekAddBusinessTime } from '../libs/domain/calendar/fixtures/week-by-week-walk.js';
import { machineLoad } from './support/machine.js';
import { seededRandom } from './support/seeded-random.js';
import { formatTable } from './support/stats.js';

// Issue 17 part 4: how many SLA deadlines per second does addBusinessTime compute for 30-day and one-year targets?
// Pure and in-process, side by side with the week-by-week walk it replaced (the baseline), on the same start instants
// (spread over 2026 at millisecond precision, so DST changes and holidays are crossed). Both get an untimed warm-up pass
// first: the figures are a worker's steady state, with its compiled calendars and zone offsets cached.
// Usage: node dist/bench/business-time.js [--calls 200000] [--baseline-calls 400] [--seed 17]

const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '200000' },
    // The baseline is ~500x slower: a few hundred calls tell its rate as well.
    'baseline-calls': { type: 'string', default: '400' },
    seed: { type: 'string', default: '17' },
  },
});
const calls = Number(values.calls);
const baselineCalls = Number(values['baseline-calls']);

const HOUR = 3_600_000;
const MON_FRI: Weekday[] = [1, 2, 3, 4, 5];
const EVERY_DAY: Weekday[] = [0, 1, 2, 3, 4, 5, 6];
const US_HOLIDAYS_2026 = ['2026-01-19', '2026-02-16', '2026-05-25', '2026-07-03', '2026-09-07', '2026-11-26', '2026-11-27'];

const officeHours: BusinessCalendar = {
  timeZone: 'America/New_York',
  intervals: MON_FRI.map((day) => ({ day, start: '09:00', end: '17:00' })),
  holidays: [],
};
const aroundTheClock: BusinessCalendar = {
  timeZone: 'Europe/Berlin',
  intervals: EVERY_DAY.map((day) => ({ day, start: '00:00', end: '24:00' })),
  holidays: [],
};
// Sunday to Thursday nights plus a split day shift on weekdays, with one-off and recurring holidays.
const nightsWithHolidays: BusinessCalendar = {
  timeZone: 'America/Chicago',
  intervals: [
    ...[0, 1, 2, 3, 4].map((day) => ({ day: day as Weekday, start: '22:00', end: '06:00' })),
    ...MON_FRI.flatMap((day) => [
      { day, start: '09:00', end: '12:00' },
      { day, start: '13:00', end: '17:00' },
    ]),
  ],
  holidays: [...US_HOLIDAYS_2026.map((date) => ({ date })), { date: '2020-12-25', recurring: true }, { date: '2020-01-01', recurring: true }],
};

interface Scenario {
  label: string;
  calendar: BusinessCalendar;
  target: string;
  durationMs: number;
}
// Targets worth about 30 calendar days of each calendar's working time, and one year of office hours.
const scenarios: Scenario[] = [
  { label: '9–17 Mon–Fri, New York', calendar: officeHours, target: '30 days (176 h)', durationMs: 176 * HOUR },
  { label: '24x7, Berlin', calendar: aroundTheClock, target: '30 days (720 h)', durationMs: 720 * HOUR },
  { label: 'nights + split days, holidays, Chicago', calendar: nightsWithHolidays, target: '30 days (322 h)', durationMs: 322 * HOUR },
  { label: '9–17 Mon–Fri, New York', calendar: officeHours, target: '1 year (2,088 h)', durationMs: 2088 * HOUR },
];

const random = seededRandom(Number(values.seed));
const yearStart = Date.UTC(2026, 0, 1);
const froms = Array.from({ length: Math.max(calls, baselineCalls) }, () => yearStart + Math.floor(random.next() * 365 * 24 * HOUR));

type Deadline = (cal: BusinessCalendar, from: number, durationMs: number) => number;

/** Calls per second over `count` start instants, after an untimed pass over (up to) 1,000 of them. */
function callsPerSecond(deadline: Deadline, { calendar, durationMs }: Scenario, count: number): number {
  for (const from of froms.slice(0, Math.min(count, 1000))) deadline(calendar, from, durationMs);
  let sink = 0;
  const started = performance.now();
  for (let i = 0; i < count; i++) sink += deadline(calendar, froms[i], durationMs);
  const elapsedMs = performance.now() - started;
  if (!Number.isFinite(sink)) throw new Error('unreachable: deadlines are finite');
  return (count / elapsedMs) * 1000;
}

/** Among the baseline's calls, how many deadlines differ: none may, but for the holiday rule of issue 16. */
function differingDeadlines({ calendar, durationMs }: Scenario, rule: BusinessCalendar['holidayRule']): number {
  return froms
    .slice(0, baselineCalls)
    .filter((from) => addBusinessTime({ ...calendar, holidayRule: rule }, from, durationMs) !== weekByWeekAddBusinessTime(calendar, from, durationMs))
    .length;
}

console.log(
  `business-time: addBusinessTime, ${calls} calls per scenario (baseline: the week-by-week walk, ${baselineCalls} calls),` +
    ` start instants spread over 2026, seed ${values.seed}\nmachine: ${machineLoad()}, node ${process.version}\n`,
);
const coldStarted = performance.now();
addBusinessTime(nightsWithHolidays, froms[0], 322 * HOUR);
console.log(`first call, caches cold (calendar compiled, Chicago offsets probed 64 days at a time): ${(performance.now() - coldStarted).toFixed(1)} ms\n`);

const rows = scenarios.map((scenario) => {
  const current = callsPerSecond(addBusinessTime, scenario, calls);
  const baseline = callsPerSecond(weekByWeekAddBusinessTime, scenario, baselineCalls);
  return [
    scenario.label,
    scenario.target,
    Math.round(current),
    Math.round(baseline),
    `${Math.round(current / baseline)}x`,
    differingDeadlines(scenario, 'calendar-date'),
    differingDeadlines(scenario, 'whole-shifts'),
  ];
});
console.log(
  formatTable(
    ['calendar', 'target', 'calls/s', 'baseline calls/s', 'speed-up', 'differ, old rule', 'differ, new rule'],
    rows,
  ),
);
console.log(`\n"differ": of the baseline's ${baselineCalls} start instants, deadlines unlike the baseline's; under the new holiday rule only calendars with an overnight shift next to a holiday may differ (issue 16).`);
