import { type CompiledCalendar, DAY, rangesOn, WEEK } from './compiled-calendar.js';
import { offsetSegmentAt } from './offset-chunks.js';

const GIVE_UP_AFTER = 1096 * DAY; // three years

export interface WalkResult {
  /** Where the walk stopped: where the budget ran out, or `until`. */
  at: number;
  countedMs: number;
}

/**
 * Counts working time forward from `from` until `budgetMs` of it is used up or `until` is reached. A budget used up
 * exactly at the end of a working span stops there (17:00, not the next morning); a zero budget stops at the first
 * working instant. An open-ended walk (`until` Infinity) throws once three years pass without any working time, which
 * only happens when holidays cover every working day.
 *
 * An instant is working when its local wall-clock time lies in a range owned by a non-holiday date: so wall times
 * skipped by a spring-forward do not count, and an hour repeated by a fall-back counts twice. Whole weeks without a
 * holiday or an offset change are skipped in one step, each worth the calendar's weekMs.
 */
export function walkWorkingTime(cc: CompiledCalendar, from: number, until: number, budgetMs: number): WalkResult {
  // Invariant: `counted` is the working time in [from, t), and none after t is counted yet.
  let t = from;
  let counted = 0;
  let lastWorkEnd = from;
  // The first holiday on or after `holidaysFrom`, looked up again once the walk passes it (or a fall-back steps back).
  let holidaysFrom = Infinity;
  let nextHoliday = -Infinity;
  while (t < until) {
    const { end: segmentEnd, offset } = offsetSegmentAt(cc.timeZone, t);
    const end = Math.min(segmentEnd, until);
    // With the offset constant, wall time = instant + offset. The date before may own a shift still running at t.
    let day = Math.floor((t + offset) / DAY) - 1;
    while (t < end) {
      const dayBefore = Math.floor((t + offset) / DAY) - 1;
      if (nextHoliday < dayBefore || dayBefore < holidaysFrom) {
        holidaysFrom = dayBefore;
        nextHoliday = cc.holidays.firstFrom(dayBefore);
      }
      const weeks = skippableWeeks(cc, t + offset, end - t, nextHoliday, budgetMs - counted);
      if (weeks > 0) {
        t = lastWorkEnd = t + weeks * WEEK;
        counted += weeks * cc.weekMs;
        day = Math.floor((t + offset) / DAY) - 1;
        continue;
      }
      const midnight = day * DAY - offset;
      // A date's ranges are sorted and start before the next date's: in this order the walk sweeps their union.
      for (const [rangeFrom, rangeTo] of rangesOn(cc, day)) {
        const start = Math.max(midnight + rangeFrom, t);
        const stop = Math.min(midnight + rangeTo, end);
        if (start >= stop) continue;
        if (stop - start >= budgetMs - counted) return { at: start + budgetMs - counted, countedMs: budgetMs };
        counted += stop - start;
        t = lastWorkEnd = stop;
      }
      day++;
      // Every range reaching before this date's midnight is owned by a date already swept.
      t = Math.max(t, Math.min(day * DAY - offset, end));
      if (until === Infinity && t - lastWorkEnd > GIVE_UP_AFTER) {
        throw new Error(
          `The business calendar has no working time in the three years after ${new Date(lastWorkEnd).toISOString()}: its holidays cover every working day.`,
        );
      }
    }
  }
  return { at: until, countedMs: counted };
}

/**
 * How many whole weeks from wall time `wall` hold exactly weekMs each and leave some budget over (so the walk still
 * finds where it runs out): those within `span` of unchanged offset, before the first date touching a holiday.
 */
function skippableWeeks(cc: CompiledCalendar, wall: number, span: number, nextHoliday: number, remaining: number): number {
  const byBudget = Math.ceil(remaining / cc.weekMs) - 1;
  const bySpan = Math.floor(span / WEEK);
  // Ranges owned by the holiday reach no earlier than its midnight.
  const byHoliday = Math.floor((nextHoliday * DAY - wall) / WEEK);
  return Math.max(0, Math.min(byBudget, bySpan, byHoliday));
}
