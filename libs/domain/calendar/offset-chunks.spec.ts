import { offsetSegmentAt } from './offset-chunks.js';
import { offsetSegments } from './zoned-time.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (iso: string): number => Date.parse(iso);

describe('offsetSegmentAt', () => {
  it('finds the stretch around an instant, ending at the exact offset change', () => {
    const winter = offsetSegmentAt('Europe/Berlin', at('2026-03-20T12:00:00Z'));
    expect(winter.offset).toBe(HOUR);
    expect(winter.end).toBe(at('2026-03-29T01:00:00Z'));
    const summer = offsetSegmentAt('Europe/Berlin', at('2026-03-29T01:00:00Z'));
    expect([summer.start, summer.offset]).toEqual([at('2026-03-29T01:00:00Z'), 2 * HOUR]);
  });

  it('answers as probing the instant directly does, wherever the question falls in the cached stretches', () => {
    for (const timeZone of ['Australia/Lord_Howe', 'America/Santiago', 'Asia/Kolkata']) {
      for (let instant = at('2026-01-01T00:00:00Z'); instant < at('2027-01-01T00:00:00Z'); instant += 5 * DAY + 3 * HOUR) {
        const { start, end, offset } = offsetSegmentAt(timeZone, instant);
        expect(start <= instant && instant < end).toBe(true);
        const direct = offsetSegments(timeZone, start, end);
        expect(direct).toEqual([{ start, end, offset }]);
      }
    }
  });
});
