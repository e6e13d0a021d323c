import { formatDuration, readClock, remainingNow } from './durations';

describe('formatDuration', () => {
  it.each([
    [0, 'under 1 min'],
    [59, 'under 1 min'],
    [60, '1 min'],
    [45 * 60 + 59, '45 min'],
    [2 * 3600 + 5 * 60, '2 h 05 min'],
    [26 * 3600, '1 d 2 h'],
    [3 * 86400 + 10 * 60, '3 d'],
    [-15 * 60, '15 min'],
  ])('%i seconds reads "%s"', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('readClock', () => {
  const running = { state: 'RUNNING' as const, targetMinutes: 240, breached: false };

  it('counts a running clock down, warning in its last quarter', () => {
    expect(readClock({ ...running, remainingSeconds: 2 * 3600 })).toEqual({ text: '2 h 00 min left', tone: 'ok' });
    expect(readClock({ ...running, remainingSeconds: 59 * 60 })).toEqual({ text: '59 min left', tone: 'warn' });
  });

  it('reads a clock past its deadline as overdue', () => {
    expect(readClock({ ...running, remainingSeconds: -90 * 60, breached: true })).toEqual({ text: 'overdue by 1 h 30 min', tone: 'danger' });
  });

  it('says a paused clock is paused and keeps its remaining time', () => {
    expect(readClock({ ...running, state: 'PAUSED', remainingSeconds: 600 })).toEqual({ text: 'paused · 10 min left', tone: 'neutral' });
  });

  it('reads a stopped clock as met or missed', () => {
    expect(readClock({ ...running, state: 'STOPPED', remainingSeconds: 100 })).toEqual({ text: 'met', tone: 'ok' });
    expect(readClock({ ...running, state: 'STOPPED', remainingSeconds: -100, breached: true })).toEqual({ text: 'missed', tone: 'danger' });
  });
});

describe('remainingNow', () => {
  it('counts a running clock down by the seconds since it was read, and holds the others', () => {
    expect(remainingNow(600, 'RUNNING', 1_000, 31_500)).toBe(570);
    expect(remainingNow(600, 'PAUSED', 1_000, 31_500)).toBe(600);
    expect(remainingNow(600, 'STOPPED', 1_000, 31_500)).toBe(600);
  });
});
