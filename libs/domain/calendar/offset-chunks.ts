import { type OffsetSegment, offsetSegments } from './zoned-time.js';

/**
 * Zone offsets looked up through a bounded cache: probing Intl is what a walk over the calendar used to spend its time
 * on. A zone is probed a fixed-length chunk of time at a time, on boundaries that do not depend on who asks, so an
 * answer is the same whatever was asked before.
 */
// Short enough that a workflow's cold start probes little (64 probes a chunk, well under a millisecond), long enough
// that a walk over months asks for few chunks.
const CHUNK = 64 * 86_400_000;
const MAX_CACHED_CHUNKS = 2048;

const chunksByZone = new Map<string, Map<number, OffsetSegment[]>>();
let cachedChunks = 0;

/** The constant-offset stretch around `instant`, cut at the chunk's end (the next chunk goes on from there). */
export function offsetSegmentAt(timeZone: string, instant: number): OffsetSegment {
  const segments = chunkOf(timeZone, Math.floor(instant / CHUNK));
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (segments[mid].end <= instant) lo = mid + 1;
    else hi = mid;
  }
  return segments[lo];
}

function chunkOf(timeZone: string, index: number): OffsetSegment[] {
  let chunks = chunksByZone.get(timeZone);
  let segments = chunks?.get(index);
  if (segments) return segments;
  if (cachedChunks >= MAX_CACHED_CHUNKS) {
    chunksByZone.clear();
    cachedChunks = 0;
    chunks = undefined;
  }
  if (!chunks) chunksByZone.set(timeZone, (chunks = new Map()));
  segments = offsetSegments(timeZone, index * CHUNK, (index + 1) * CHUNK);
  chunks.set(index, segments);
  cachedChunks++;
  return segments;
}
