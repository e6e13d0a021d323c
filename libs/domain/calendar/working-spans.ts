import { type CompiledCalendar, DAY, MINUTE, workingMinutesOn } from './compiled-calendar.js';
import { offsetSegments } from './zoned-time.js';

/** [start, end) in epoch milliseconds. */
export type Span = [start: number, end: number];

const WINDOW = 7 * DAY;
const GIVE_UP_AFTER = 1096 * DAY; // three years

/**
 * The working time inside [lo, hi) as sorted, disjoint, non-touching UTC spans. An instant is working when its local
 * wall-clock time falls in its local date's working minutes: so wall times skipped by a spring-forward do not count,
 * and an hour repeated by a fall-back counts twice.
 */
export function workingSpans(cc: CompiledCalendar, lo: number, hi: number): Span[] {
  const spans: Span[] = [];
  for (const { start, end, offset } of offsetSegments(cc.timeZone, lo, hi)) {
    // With the offset constant, wall time = instant + offset, so each local range maps onto one UTC range.
    const firstDay = Math.floor((start + offset) / DAY);
    const lastDay = Math.floor((end - 1 + offset) / DAY);
    for (let day = firstDay; day <= lastDay; day++) {
      for (const [from, to] of workingMinutesOn(cc, day)) {
        const spanStart = Math.max(day * DAY + from * MINUTE - offset, start);
        const spanEnd = Math.min(day * DAY + to * MINUTE - offset, end);
        if (spanStart < spanEnd) appendSpan(spans, spanStart, spanEnd);
      }
    }
  }
  return spans;
}

/**
 * The working spans from `from` onwards, a week at a time. Throws once three years pass without any working time, which
 * only happens when holidays cover every working day.
 */
export function* spansFrom(cc: CompiledCalendar, from: number): Generator<Span, never, undefined> {
  let lastWork = from;
  for (let lo = from; ; lo += WINDOW) {
    for (const span of workingSpans(cc, lo, lo + WINDOW)) {
      lastWork = span[1];
      yield span;
    }
    if (lo + WINDOW - lastWork > GIVE_UP_AFTER) {
      throw new Error(
        `The business calendar has no working time in the three years after ${new Date(lastWork).toISOString()}: its holidays cover every working day.`,
      );
    }
  }
}

// Spans arrive in order, so touching ones (24x7 across midnight, or across a window edge) only ever meet the last one.
function appendSpan(spans: Span[], start: number, end: number): void {
  const last = spans[spans.length - 1];
  if (last && last[1] === start) last[1] = end;
  else spans.push([start, end]);
}
