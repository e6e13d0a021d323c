import { isValidTimeZone, offsetSegments, utcOffsetAt } from './zoned-time.js';

const HOUR = 3_600_000;
const at = (iso: string): number => Date.parse(iso);

describe('zoned time', () => {
  it('knows IANA zones', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });

  it('reads offsets, including half-hour ones', () => {
    expect(utcOffsetAt('America/New_York', at('2026-01-15T12:00:00Z'))).toBe(-5 * HOUR);
    expect(utcOffsetAt('Asia/Kolkata', at('2026-01-15T12:00:00.999Z'))).toBe(5.5 * HOUR);
    expect(utcOffsetAt('America/St_Johns', at('1969-07-20T20:17:40Z'))).toBe(-2.5 * HOUR);
  });

  it('finds the exact instant of an offset change', () => {
    expect(offsetSegments('Europe/Berlin', at('2026-03-28T00:00:00Z'), at('2026-03-30T00:00:00Z'))).toEqual([
      { start: at('2026-03-28T00:00:00Z'), end: at('2026-03-29T01:00:00Z'), offset: HOUR },
      { start: at('2026-03-29T01:00:00Z'), end: at('2026-03-30T00:00:00Z'), offset: 2 * HOUR },
    ]);
    expect(offsetSegments('Australia/Lord_Howe', at('2026-10-01T00:00:00Z'), at('2026-10-08T00:00:00Z'))).toEqual([
      { start: at('2026-10-01T00:00:00Z'), end: at('2026-10-03T15:30:00Z'), offset: 10.5 * HOUR },
      { start: at('2026-10-03T15:30:00Z'), end: at('2026-10-08T00:00:00Z'), offset: 11 * HOUR },
    ]);
  });
});
