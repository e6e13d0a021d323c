/** What the screen saw of a phase at one moment: records read so far. */
export interface ProgressSample {
  atMs: number;
  read: number;
}

/** Rates are measured over the latest minute, so a pause or a slow start stops weighing on them soon. */
export const RATE_WINDOW_MS = 60_000;
/** Samples kept per phase: enough for the window at one batch a second. */
const MAX_SAMPLES = 120;

/**
 * The samples with a new one added. A repeat of the same count adds nothing (no batch committed since), except before
 * any progress: then the latest sighting replaces the first, so time spent waiting to start (for approval, behind
 * earlier phases) does not count as slow importing.
 */
export function addSample(samples: readonly ProgressSample[], sample: ProgressSample): ProgressSample[] {
  const last = samples[samples.length - 1];
  if (last && last.read === sample.read) return samples.length === 1 ? [sample] : [...samples];
  // A smaller count means another run's (or a restarted) figures: start measuring afresh.
  if (last && sample.read < last.read) return [sample];
  return [...samples, sample].slice(-MAX_SAMPLES);
}

/**
 * Records per second over the window ending at the latest sample; null until two samples with different counts fall
 * in it (one batch alone says nothing about speed).
 */
export function ratePerSecond(samples: readonly ProgressSample[]): number | null {
  const last = samples[samples.length - 1];
  if (!last) return null;
  const first = samples.find((sample) => last.atMs - sample.atMs <= RATE_WINDOW_MS);
  if (!first || first === last || last.atMs <= first.atMs) return null;
  return ((last.read - first.read) * 1000) / (last.atMs - first.atMs);
}

/** Seconds until `expected` records are read at `rate`; null when the rate is unknown or zero, 0 when none remain. */
export function etaSeconds(read: number, expected: number, rate: number | null): number | null {
  const remaining = Math.max(expected - read, 0);
  if (remaining === 0) return 0;
  if (rate === null || rate <= 0) return null;
  return remaining / rate;
}

/** "1,234 rows/s", or "2.5 rows/s" below ten. */
export function formatRate(rate: number): string {
  const rounded = rate < 10 ? Math.round(rate * 10) / 10 : Math.round(rate);
  return `${rounded.toLocaleString('en-US')} rows/s`;
}
