import type { WorkingInterval } from '../calendar/index.js';
import { isOnShift, type AgentShift } from './working-hours.js';

const at = (iso: string) => Date.parse(iso);
const shift = (workingHours: WorkingInterval[], changes: Partial<AgentShift> = {}): AgentShift => ({
  timeZone: 'UTC',
  workingHours,
  availabilityChangedAt: null,
  ...changes,
});
const everyDay = (start: string, end: string): WorkingInterval[] =>
  ([0, 1, 2, 3, 4, 5, 6] as const).map((day) => ({ day, start, end }));
// 2026-12-07 is a Monday.
const mondayToFriday = ([1, 2, 3, 4, 5] as const).map((day) => ({ day, start: '09:00', end: '17:00' }));

describe('isOnShift: within working hours', () => {
  it('counts an agent without working hours as always on shift', () => {
    expect(isOnShift(shift([]), at('2026-12-13T03:00:00Z'))).toBe(true);
    expect(isOnShift(shift([], { timeZone: 'Asia/Tokyo' }), at('2026-12-07T23:59:00Z'))).toBe(true);
  });

  it.each([
    ['during the shift', '2026-12-07T10:00:00Z', true],
    ['at its start', '2026-12-07T09:00:00Z', true],
    ['just before its start', '2026-12-07T08:59:00Z', false],
    ['at its end (the end is not working time)', '2026-12-07T17:00:00Z', false],
    ['on a day without a shift', '2026-12-13T10:00:00Z', false],
  ])('%s: %s → %s', (_, now, expected) => {
    expect(isOnShift(shift(mondayToFriday), at(now))).toBe(expected);
  });

  it.each([
    ['Saturday 03:00, in the shift Friday started', '2026-12-12T03:00:00Z', true],
    ['Friday 23:00', '2026-12-11T23:00:00Z', true],
    ['Friday 21:59, before it', '2026-12-11T21:59:00Z', false],
    ['Saturday 06:00, at its end', '2026-12-12T06:00:00Z', false],
    ['Thursday 03:00: the shift belongs to Friday only', '2026-12-10T03:00:00Z', false],
  ])('overnight shift Friday 22:00–06:00, %s', (_, now, expected) => {
    expect(isOnShift(shift([{ day: 5, start: '22:00', end: '06:00' }]), at(now))).toBe(expected);
  });

  it.each([
    ['New York 10:00 (15:00 UTC)', 'America/New_York', '2026-12-07T15:00:00Z', true],
    ['New York 08:00 (13:00 UTC, within UTC hours)', 'America/New_York', '2026-12-07T13:00:00Z', false],
    ['New York 17:30 (22:30 UTC)', 'America/New_York', '2026-12-07T22:30:00Z', false],
    ['Tokyo Monday 09:30 (Monday 00:30 UTC)', 'Asia/Tokyo', '2026-12-07T00:30:00Z', true],
    ['Tokyo Tuesday 08:00 (Monday 23:00 UTC)', 'Asia/Tokyo', '2026-12-07T23:00:00Z', false],
  ])('in the agent’s time zone: %s', (_, timeZone, now, expected) => {
    expect(isOnShift(shift(mondayToFriday, { timeZone }), at(now))).toBe(expected);
  });

  it.each([
    ['the day before spring forward, 07:30 UTC is 08:30 CET', '2026-03-28T07:30:00Z', false],
    ['spring forward day, 07:30 UTC is 09:30 CEST', '2026-03-29T07:30:00Z', true],
    ['spring forward day, 15:30 UTC is 17:30 CEST', '2026-03-29T15:30:00Z', false],
    ['the day before fall back, 15:30 UTC is 17:30 CEST', '2026-10-24T15:30:00Z', false],
    ['fall back day, 15:30 UTC is 16:30 CET', '2026-10-25T15:30:00Z', true],
  ])('across DST in Berlin, 09:00–17:00 daily: %s', (_, now, expected) => {
    expect(isOnShift(shift(everyDay('09:00', '17:00'), { timeZone: 'Europe/Berlin' }), at(now))).toBe(expected);
  });

  it('ends an overnight shift across spring forward at 06:00 summer time (04:00 UTC, not 05:00)', () => {
    const saturdayNight = shift([{ day: 6, start: '22:00', end: '06:00' }], { timeZone: 'Europe/Berlin' });
    expect(isOnShift(saturdayNight, at('2026-03-29T03:30:00Z'))).toBe(true);
    expect(isOnShift(saturdayNight, at('2026-03-29T04:30:00Z'))).toBe(false);
  });
});

describe('isOnShift: set available after hours', () => {
  const monday20h = at('2026-12-07T20:00:00Z');
  it.each([
    ['after the shift ended', '2026-12-07T18:00:00Z', monday20h, true],
    ['right at its end', '2026-12-07T17:00:00Z', monday20h, true],
    ['during the shift that has since ended', '2026-12-07T16:59:00Z', monday20h, false],
    ['before the shift that has since ended', '2026-12-07T08:00:00Z', monday20h, false],
    ['before the next shift, which has not begun (an early start)', '2026-12-08T08:00:00Z', at('2026-12-08T08:30:00Z'), true],
    ['after Monday’s shift, once Tuesday’s has ended too', '2026-12-07T18:00:00Z', at('2026-12-08T20:00:00Z'), false],
    ['after Friday’s shift, on the weekend', '2026-12-11T17:30:00Z', at('2026-12-13T12:00:00Z'), true],
  ])('%s: on shift %s', (_, changedAt, now, expected) => {
    expect(isOnShift(shift(mondayToFriday, { availabilityChangedAt: at(changedAt) }), now)).toBe(expected);
  });

  it('counts never having set availability as no override', () => {
    expect(isOnShift(shift(mondayToFriday), monday20h)).toBe(false);
  });

  it('reads "after the shift" in the agent’s time zone', () => {
    // New York's Monday shift ends at 22:00 UTC: 21:00 UTC is still inside it, 22:30 UTC after it.
    const newYork = (changedAt: string) => shift(mondayToFriday, { timeZone: 'America/New_York', availabilityChangedAt: at(changedAt) });
    expect(isOnShift(newYork('2026-12-07T21:00:00Z'), at('2026-12-07T23:00:00Z'))).toBe(false);
    expect(isOnShift(newYork('2026-12-07T22:30:00Z'), at('2026-12-07T23:00:00Z'))).toBe(true);
  });
});
