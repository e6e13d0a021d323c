import type { Holiday } from './business-calendar.js';

const DAY = 86_400_000;
/** Gregorian leap years are at most 8 years apart (2096, 2104): a 02-29 holiday recurs within that. */
const RECURRENCE_YEARS = 8;

/** A calendar's holidays as local day numbers (whole days since 1970-01-01), recurring ones repeated every year. */
export class HolidayDays {
  private readonly oneOff: number[];
  private readonly oneOffSet: Set<number>;
  private readonly recurring: { month: number; day: number }[];
  private readonly recurringKeys: Set<number>;

  constructor(holidays: readonly Holiday[]) {
    this.oneOff = [...new Set(holidays.filter((h) => !h.recurring).map((h) => Date.parse(`${h.date}T00:00:00Z`) / DAY))].sort(
      (a, b) => a - b,
    );
    this.oneOffSet = new Set(this.oneOff);
    this.recurring = holidays
      .filter((h) => h.recurring)
      .map((h) => ({ month: Number(h.date.slice(5, 7)), day: Number(h.date.slice(8, 10)) }));
    this.recurringKeys = new Set(this.recurring.map(({ month, day }) => monthDayKey(month, day)));
  }

  has(localDay: number): boolean {
    if (this.oneOffSet.has(localDay)) return true;
    return this.recurring.length > 0 && this.recurringKeys.has(monthDayKeyOf(localDay));
  }

  /** The first holiday on or after `localDay`; Infinity when none follows. */
  firstFrom(localDay: number): number {
    return Math.min(this.firstOneOffFrom(localDay), this.firstRecurringFrom(localDay));
  }

  private firstOneOffFrom(localDay: number): number {
    let lo = 0;
    let hi = this.oneOff.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.oneOff[mid] < localDay) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.oneOff.length ? this.oneOff[lo] : Infinity;
  }

  private firstRecurringFrom(localDay: number): number {
    if (this.recurring.length === 0) return Infinity;
    const firstYear = new Date(localDay * DAY).getUTCFullYear();
    for (let year = firstYear; year <= firstYear + RECURRENCE_YEARS; year++) {
      let first = Infinity;
      for (const { month, day } of this.recurring) {
        const date = new Date(0);
        date.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, takes years 0–99 as they are
        // 02-29 of a common year rolls over into March: that year has no such holiday.
        const candidate = date.getUTCDate() === day ? date.getTime() / DAY : Infinity;
        if (candidate >= localDay && candidate < first) first = candidate;
      }
      if (first !== Infinity) return first;
    }
    return Infinity;
  }
}

function monthDayKey(month: number, day: number): number {
  return month * 32 + day;
}

/** The month and day of a day number, by Howard Hinnant's civil_from_days: asked for every day a walk passes. */
function monthDayKeyOf(localDay: number): number {
  const z = localDay + 719_468; // days from 0000-03-01
  const dayOfEra = z - Math.floor(z / 146_097) * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100)); // from March 1
  const marchBasedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * marchBasedMonth + 2) / 5) + 1;
  return monthDayKey(marchBasedMonth < 10 ? marchBasedMonth + 3 : marchBasedMonth - 9, day);
}
