import {
  addBusinessTime,
  businessTimeBetween,
  isWorkingTime,
  nextWorkingInstant,
  type BusinessCalendar,
  type Holiday,
  type Weekday,
  type WorkingInterval,
} from './index.js';

/**
 * addBusinessTime against a brute-force oracle that walks minute by minute, reading each minute's local wall clock
 * straight from Intl and checking it against the intervals and holidays as written.
 */
const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const CASES = 200;

// Each zone with the dates of its 2026 offset changes, so that many cases cross one.
const ZONES: [string, string[]][] = [
  ['UTC', ['2026-06-01']],
  ['Asia/Kolkata', ['2026-06-01']],
  ['America/New_York', ['2026-03-08', '2026-11-01']],
  ['America/St_Johns', ['2026-03-08', '2026-11-01']],
  ['Europe/Berlin', ['2026-03-29', '2026-10-25']],
  ['Australia/Lord_Howe', ['2026-04-05', '2026-10-04']],
  ['Pacific/Chatham', ['2026-04-05', '2026-09-27']],
];

/** mulberry32: small, seeded, good enough to spread cases. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clock = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const isoDate = (instant: number): string => new Date(instant).toISOString().slice(0, 10);

function randomCase(random: () => number) {
  const int = (n: number): number => Math.floor(random() * n);
  const [timeZone, changes] = ZONES[int(ZONES.length)];
  const from = Date.parse(`${changes[int(changes.length)]}T00:00:00Z`) - int(6 * 1440) * MINUTE;
  const intervals: WorkingInterval[] = [];
  for (let day = 0 as Weekday; day < 7; day = (day + 1) as Weekday) {
    if (random() < 0.2) continue;
    for (let n = 1 + int(2); n > 0; n--) {
      const start = int(1440);
      const end = start + 1 + int(14 * 60); // may run past midnight: an overnight shift
      intervals.push({ day, start: clock(start), end: end === 1440 ? '24:00' : clock(end % 1440) });
    }
  }
  if (intervals.length === 0) intervals.push({ day: 1, start: '00:00', end: '24:00' });
  const holidays: Holiday[] = [];
  for (let n = int(4); n > 0; n--) {
    const date = isoDate(from + int(8) * DAY);
    holidays.push(random() < 0.5 ? { date } : { date: `2019${date.slice(4)}`, recurring: true });
  }
  const calendar: BusinessCalendar = { timeZone, intervals, holidays };
  return { calendar, from, durationMinutes: int(1440) };
}

/** The calendar as the oracle reads it: intervals in minutes, holidays as sets of dates. */
interface OracleCalendar {
  format: (instant: number) => string;
  intervals: { day: number; start: number; end: number }[];
  holidays: Set<string>;
  recurring: Set<string>;
}

function oracleCalendar(cal: BusinessCalendar): OracleCalendar {
  const options = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' } as const;
  const formatter = new Intl.DateTimeFormat('en-US', { timeZone: cal.timeZone, hourCycle: 'h23', ...options });
  const toMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  return {
    format: (instant) => formatter.format(instant),
    intervals: cal.intervals.map(({ day, start, end }) => ({ day, start: toMinutes(start), end: toMinutes(end) })),
    holidays: new Set(cal.holidays.filter((h) => !h.recurring).map((h) => h.date)),
    recurring: new Set(cal.holidays.filter((h) => h.recurring).map((h) => h.date.slice(5))),
  };
}

const weekdays = new Map<string, number>();
function oracleIsWorking(cal: OracleCalendar, instant: number): boolean {
  const [, month, day, year, hour, minute] = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+)$/.exec(cal.format(instant)) ?? [];
  const date = `${year}-${month}-${day}`;
  if (cal.holidays.has(date) || cal.recurring.has(`${month}-${day}`)) return false;
  let weekday = weekdays.get(date);
  if (weekday === undefined) weekdays.set(date, (weekday = new Date(`${date}T00:00:00Z`).getUTCDay()));
  const wall = Number(hour) * 60 + Number(minute);
  return cal.intervals.some(({ day: d, start, end }) => {
    const overnight = end <= start;
    if (d === weekday) return wall >= start && (overnight || wall < end);
    return overnight && d === (weekday + 6) % 7 && wall < end;
  });
}

function oracleAdd(cal: OracleCalendar, from: number, minutes: number): number {
  let t = from;
  for (let counted = 0; counted < minutes; t += MINUTE) {
    if (t - from > 60 * DAY) throw new Error('oracle ran away');
    if (oracleIsWorking(cal, t)) counted++;
  }
  return t;
}

describe('addBusinessTime against a minute-by-minute oracle', () => {
  const random = prng(20260329);
  const cases = Array.from({ length: CASES }, () => randomCase(random));

  it.each(cases.map((c, index) => [index, c] as const))('case %i', (_, { calendar, from, durationMinutes }) => {
    const oracle = oracleCalendar(calendar);
    const expected = oracleAdd(oracle, from, durationMinutes);
    const actual = addBusinessTime(calendar, from, durationMinutes * MINUTE);
    const context = JSON.stringify({ calendar, from: new Date(from).toISOString(), durationMinutes });
    expect({ actual: new Date(actual).toISOString(), context }).toEqual({ actual: new Date(expected).toISOString(), context });
    expect(businessTimeBetween(calendar, from, actual)).toBe(durationMinutes * MINUTE);
    expect(isWorkingTime(calendar, from)).toBe(oracleIsWorking(oracle, from));
    expect(nextWorkingInstant(calendar, from)).toBe(oracleAdd(oracle, from, 1) - MINUTE);
  });
});
