import {
  axisTicks,
  barPosition,
  dayNumber,
  describeSlip,
  formatDay,
  markerOffset,
  slipBar,
  slipDays,
  taskState,
  timelineRows,
  timelineWindow,
  todayIso,
  type TimelineTask,
} from './timeline-layout';

const task = (overrides: Partial<TimelineTask> & Pick<TimelineTask, 'id' | 'phaseId'>): TimelineTask => ({
  title: overrides.id,
  plannedStart: '2026-12-01',
  plannedEnd: '2026-12-03',
  projectedStart: '2026-12-01',
  projectedEnd: '2026-12-03',
  done: false,
  overdue: false,
  blocked: false,
  ...overrides,
});

describe('dates', () => {
  it('counts whole UTC days, across a DST change and a year end', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2026-03-30') - dayNumber('2026-03-28')).toBe(2);
    expect(dayNumber('2027-01-01') - dayNumber('2026-12-31')).toBe(1);
  });

  it('reads today in UTC, as the API does', () => {
    expect(todayIso(new Date('2026-12-07T23:30:00-05:00'))).toBe('2026-12-08');
  });

  it('formats a day without relying on the locale', () => {
    expect(formatDay('2026-12-07')).toBe('7 Dec 2026');
  });
});

describe('slips', () => {
  it.each([
    ['2026-12-03', '2026-12-08', 5, '5 days late'],
    ['2026-12-03', '2026-12-04', 1, '1 day late'],
    ['2026-12-03', '2026-12-03', 0, 'on plan'],
    ['2026-12-03', '2026-12-01', -2, '2 days early'],
  ])('planned %s, projected %s: %i (%s)', (planned, projected, days, text) => {
    expect(slipDays(planned, projected)).toBe(days);
    expect(describeSlip(days)).toBe(text);
  });
});

describe('window and positions', () => {
  const tasks = [
    task({ id: 'a', phaseId: 'p1', plannedStart: '2026-12-01', plannedEnd: '2026-12-05', projectedStart: '2026-12-01', projectedEnd: '2026-12-10' }),
    task({ id: 'b', phaseId: 'p2', plannedStart: '2026-12-06', plannedEnd: '2026-12-10', projectedStart: '2026-12-11', projectedEnd: '2026-12-20' }),
  ];

  it('spans every planned and projected day and the extra dates (today, go-lives)', () => {
    expect(timelineWindow(tasks, [])).toEqual({ first: '2026-12-01', last: '2026-12-20', days: 20 });
    expect(timelineWindow(tasks, ['2026-11-30', '2026-12-29'])).toEqual({ first: '2026-11-30', last: '2026-12-29', days: 30 });
  });

  it('places a bar from the start of its first day to the end of its last (inclusive)', () => {
    const window = timelineWindow(tasks, []);
    expect(barPosition(window, '2026-12-01', '2026-12-20')).toEqual({ left: 0, width: 100 });
    expect(barPosition(window, '2026-12-06', '2026-12-10')).toEqual({ left: 25, width: 25 });
    // A one-day task still has a visible width.
    expect(barPosition(window, '2026-12-11', '2026-12-11')).toEqual({ left: 50, width: 5 });
  });

  it('marks the slip from the day after the planned end to the projected end, nothing when on plan or early', () => {
    const window = timelineWindow(tasks, []);
    expect(slipBar(window, '2026-12-05', '2026-12-10')).toEqual({ left: 25, width: 25 });
    expect(slipBar(window, '2026-12-05', '2026-12-05')).toBeNull();
    expect(slipBar(window, '2026-12-05', '2026-12-03')).toBeNull();
  });

  it('draws a marker through the middle of its day, none outside the window', () => {
    const window = timelineWindow(tasks, []);
    expect(markerOffset(window, '2026-12-01')).toBe(2.5);
    expect(markerOffset(window, '2026-12-20')).toBe(97.5);
    expect(markerOffset(window, '2026-11-30')).toBeNull();
    expect(markerOffset(window, '2026-12-21')).toBeNull();
  });
});

describe('task state', () => {
  it.each<[string, Partial<TimelineTask>, string]>([
    ['done wins over overdue', { done: true, overdue: true }, 'done'],
    ['overdue', { overdue: true, blocked: true }, 'overdue'],
    ['blocked', { blocked: true }, 'blocked'],
    ['slipped', { projectedEnd: '2026-12-05' }, 'slipped'],
    ['on track', {}, 'on-track'],
  ])('%s', (_name, overrides, state) => {
    expect(taskState(task({ id: 't', phaseId: 'p', ...overrides }))).toBe(state);
  });
});

describe('rows', () => {
  it('lists each phase, its bar spanning its tasks, then its tasks; a phase without tasks has no bar', () => {
    const tasks = [
      task({ id: 'a', phaseId: 'p1', plannedStart: '2026-12-01', plannedEnd: '2026-12-02', projectedEnd: '2026-12-02' }),
      task({ id: 'b', phaseId: 'p1', plannedStart: '2026-12-03', plannedEnd: '2026-12-05', projectedStart: '2026-12-03', projectedEnd: '2026-12-10' }),
    ];
    const phases = [
      { id: 'p1', name: 'Setup', status: 'current' },
      { id: 'reviews', name: 'Reviews', status: 'upcoming' },
    ];
    const rows = timelineRows(timelineWindow(tasks, []), phases, tasks);
    expect(rows.map((row) => (row.kind === 'phase' ? row.phase.id : row.task.id))).toEqual(['p1', 'a', 'b', 'reviews']);
    expect(rows[0]).toMatchObject({ kind: 'phase', planned: { left: 0, width: 50 }, projected: { left: 0, width: 100 }, slipDays: 5 });
    expect(rows[2]).toMatchObject({ kind: 'task', state: 'slipped', slipDays: 5, projected: { left: 20, width: 80 }, slip: { left: 50, width: 50 } });
    expect(rows[1]).toMatchObject({ kind: 'task', slip: null });
    expect(rows[3]).toEqual({ kind: 'phase', phase: phases[1], planned: null, projected: null, slipDays: 0, slip: null });
  });
});

describe('axis ticks', () => {
  it('ticks Mondays on a short timeline', () => {
    const ticks = axisTicks({ first: '2026-12-01', last: '2026-12-20', days: 20 });
    expect(ticks.map((tick) => tick.label)).toEqual(['7 Dec', '14 Dec']);
    expect(ticks[0].left).toBe(30);
  });

  it('ticks first days of months on a long one', () => {
    const ticks = axisTicks({ first: '2026-12-15', last: '2027-05-01', days: dayNumber('2027-05-01') - dayNumber('2026-12-15') + 1 });
    expect(ticks.map((tick) => tick.label)).toEqual(['Jan 2027', 'Feb 2027', 'Mar 2027', 'Apr 2027', 'May 2027']);
  });
});
