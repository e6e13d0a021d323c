import { addSample, etaSeconds, formatRate, ratePerSecond, RATE_WINDOW_MS, type ProgressSample } from './progress-rates';

const sampled = (...points: Array<[number, number]>) =>
  points.reduce<ProgressSample[]>((samples, [atMs, read]) => addSample(samples, { atMs, read }), []);

describe('rate and ETA of a migration phase from what the screen saw', () => {
  it('measures records per second between the first and the latest sample', () => {
    expect(ratePerSecond(sampled([0, 0], [2_000, 300], [4_000, 600]))).toBe(150);
  });

  it('knows no rate from one sample, or from none', () => {
    expect(ratePerSecond([])).toBeNull();
    expect(ratePerSecond(sampled([1_000, 300]))).toBeNull();
  });

  it('does not count the wait before the phase started as slow importing', () => {
    // Seen at 0 for two minutes (waiting for approval), then 300 records two seconds after the last sighting.
    expect(ratePerSecond(sampled([0, 0], [60_000, 0], [120_000, 0], [122_000, 300]))).toBe(150);
  });

  it('keeps the time of the commit, not of later sightings of the same count', () => {
    expect(sampled([0, 0], [1_000, 100], [5_000, 100])).toEqual([
      { atMs: 0, read: 0 },
      { atMs: 1_000, read: 100 },
    ]);
  });

  it('measures over the latest minute only', () => {
    const samples = sampled([0, 0], [1_000, 10], [RATE_WINDOW_MS + 1_000, 1_010], [RATE_WINDOW_MS + 11_000, 2_010]);
    // The slow first second is outside the minute ending at 71 s: 1,000 records in the last 10 s.
    expect(ratePerSecond(samples)).toBe(100);
  });

  it('starts afresh when the count goes down (figures of a restarted run)', () => {
    expect(sampled([0, 500], [1_000, 800], [2_000, 100])).toEqual([{ atMs: 2_000, read: 100 }]);
  });

  it('gives the seconds left at the rate, none when done, unknown without a rate', () => {
    expect(etaSeconds(400, 1_000, 150)).toBe(4);
    expect(etaSeconds(1_000, 1_000, null)).toBe(0);
    expect(etaSeconds(1_200, 1_000, 150)).toBe(0);
    expect(etaSeconds(400, 1_000, null)).toBeNull();
    expect(etaSeconds(400, 1_000, 0)).toBeNull();
  });

  it('reads a rate as people count', () => {
    expect(formatRate(1234.4)).toBe('1,234 rows/s');
    expect(formatRate(2.46)).toBe('2.5 rows/s');
  });
});
