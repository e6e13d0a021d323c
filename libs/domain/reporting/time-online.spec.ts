import { minutesOnline } from './time-online.js';

const MINUTE = 60_000;
const at = (minutes: number) => minutes * MINUTE;
const change = (minutes: number, availability: string) => ({ at: at(minutes), availability });

describe('minutesOnline', () => {
  it('adds up the stretches between going online and the next change', () => {
    expect(minutesOnline([change(10, 'online'), change(40, 'away'), change(50, 'online'), change(60, 'offline')], at(0), at(100))).toBe(40);
  });

  it('clips to the range: online since before it, and still online at its end', () => {
    expect(minutesOnline([change(-30, 'online'), change(20, 'offline'), change(90, 'online')], at(0), at(100))).toBe(30);
  });

  it('counts nothing for an agent offline all along, or with no change at all', () => {
    expect(minutesOnline([change(-30, 'offline')], at(0), at(100))).toBe(0);
    expect(minutesOnline([], at(0), at(100))).toBe(0);
  });

  it('treats a repeated online as one stretch', () => {
    expect(minutesOnline([change(0, 'online'), change(30, 'online'), change(45, 'offline')], at(0), at(100))).toBe(45);
  });
});
