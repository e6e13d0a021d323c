/**
 * UTC offsets of IANA time zones, read through Intl.DateTimeFormat: the one time-zone source available inside the
 * Temporal workflow sandbox. Instants are epoch milliseconds; an offset is (local wall clock − UTC) in milliseconds.
 */
const HOUR = 3_600_000;

/**
 * Offsets are probed this far apart and bisected where they differ, so a zone must not change its offset twice
 * within a day (no IANA zone does in modern times; the closest, Ramadan suspensions of DST, are weeks apart). Every
 * probe is an Intl call, and a workflow starts with empty caches: a new ticket's first deadline probes one chunk
 * (offset-chunks.ts), so the step is what a ticket's creation pays.
 */
const PROBE_STEP = 24 * HOUR;

/** A stretch [start, end) of UTC time over which the zone's offset is constant. */
export interface OffsetSegment {
  start: number;
  end: number;
  offset: number;
}

// Building a formatter is far slower than using one, and the same few zones are asked about over and over.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

export function utcOffsetAt(timeZone: string, instant: number): number {
  // Intl shows whole seconds, so compare against the instant truncated to its second.
  const second = instant - (((instant % 1000) + 1000) % 1000);
  const fields: Record<string, number> = {};
  for (const { type, value } of formatterFor(timeZone).formatToParts(second)) fields[type] = Number(value);
  const wall = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour % 24, fields.minute, fields.second);
  return wall - second;
}

/** The constant-offset stretches that cover [lo, hi), in order. */
export function offsetSegments(timeZone: string, lo: number, hi: number, probeStep = PROBE_STEP): OffsetSegment[] {
  const segments: OffsetSegment[] = [];
  let start = lo;
  let offset = utcOffsetAt(timeZone, lo);
  let probe = lo;
  while (probe < hi - 1) {
    const next = Math.min(probe + probeStep, hi - 1);
    if (utcOffsetAt(timeZone, next) === offset) {
      probe = next;
      continue;
    }
    const change = firstChange(timeZone, probe, next, offset);
    segments.push({ start, end: change, offset });
    start = change;
    offset = utcOffsetAt(timeZone, change);
    probe = change;
  }
  segments.push({ start, end: hi, offset });
  return segments;
}

/** The first instant in (before, after] whose offset is not `offset`, given that `after`'s is not. */
function firstChange(timeZone: string, before: number, after: number, offset: number): number {
  let lo = before;
  let hi = after;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (utcOffsetAt(timeZone, mid) === offset) lo = mid;
    else hi = mid;
  }
  return hi;
}
