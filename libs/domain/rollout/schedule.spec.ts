import { readFileSync } from 'node:fs';
import { daysBetween } from './calendar-days.js';
import type { RolloutTemplate } from './rollout-template.js';
import { planOf } from './plan-fixture.js';
import { computeSchedule, scheduleChange, type TaskAdjustment } from './schedule.js';

const START = '2026-12-01';

function ends(schedule: ReturnType<typeof computeSchedule>): Record<string, string> {
  return Object.fromEntries(schedule.tasks.map((task) => [task.id, `${task.start}..${task.end}`]));
}

describe('computeSchedule', () => {
  const cases: Array<{ name: string; plan: ReturnType<typeof planOf>; expected: Record<string, string>; goLive: string }> = [
    {
      name: 'a chain: each task starts the day after its dependency ends',
      plan: planOf([{ id: 'p', kind: 'launch', tasks: [['a', 2], ['b', 3, ['a']], ['c', 1, ['b']]] }]),
      expected: { a: '2026-12-01..2026-12-02', b: '2026-12-03..2026-12-05', c: '2026-12-06..2026-12-06' },
      goLive: '2026-12-06',
    },
    {
      name: 'parallel tasks; a join waits for the later one',
      plan: planOf([{ id: 'p', kind: 'launch', tasks: [['a', 2], ['b', 5], ['join', 1, ['a', 'b']]] }]),
      expected: { a: '2026-12-01..2026-12-02', b: '2026-12-01..2026-12-05', join: '2026-12-06..2026-12-06' },
      goLive: '2026-12-06',
    },
    {
      name: 'an offset delays a task with no dependency',
      plan: planOf([{ id: 'p', kind: 'launch', tasks: [['a', 1, [], 10]] }]),
      expected: { a: '2026-12-11..2026-12-11' },
      goLive: '2026-12-11',
    },
    {
      name: 'a phase that does not overlap starts after every task of the previous phase',
      plan: planOf([
        { id: 'one', tasks: [['a', 2], ['b', 4]] },
        { id: 'two', kind: 'launch', tasks: [['c', 1]] },
      ]),
      expected: { a: '2026-12-01..2026-12-02', b: '2026-12-01..2026-12-04', c: '2026-12-05..2026-12-05' },
      goLive: '2026-12-05',
    },
    {
      name: 'an overlapping phase runs alongside the previous one; the next phase waits for both',
      plan: planOf([
        { id: 'zero', tasks: [['first', 1]] },
        { id: 'one', tasks: [['a', 4]] },
        { id: 'two', overlapsPrevious: true, tasks: [['b', 2]] },
        { id: 'three', kind: 'launch', tasks: [['c', 1]] },
      ]),
      expected: { first: '2026-12-01..2026-12-01', a: '2026-12-02..2026-12-05', b: '2026-12-02..2026-12-03', c: '2026-12-06..2026-12-06' },
      goLive: '2026-12-06',
    },
    {
      name: 'go-live is the end of the launch phase, not of later reviews',
      plan: planOf([
        { id: 'launch', kind: 'launch', tasks: [['go', 1]] },
        { id: 'reviews', kind: 'reviews', tasks: [['review', 90]] },
      ]),
      expected: { go: '2026-12-01..2026-12-01', review: '2026-12-02..2027-03-01' },
      goLive: '2026-12-01',
    },
  ];

  it.each(cases)('$name', ({ plan, expected, goLive }) => {
    const schedule = computeSchedule(plan, START);
    expect(ends(schedule)).toEqual(expected);
    expect(schedule.goLive).toBe(goLive);
  });
});

describe('slip propagation', () => {
  const plan = planOf([
    { id: 'setup', tasks: [['a', 2], ['side', 1]] },
    { id: 'launch', kind: 'launch', tasks: [['b', 3, ['a']], ['go', 1, ['b']]] },
  ]);
  const planned = computeSchedule(plan, START);

  const cases: Array<{ name: string; adjustments: Record<string, TaskAdjustment>; today?: string; moved: string[]; shift: number }> = [
    { name: 're-dating a task later moves everything downstream', adjustments: { a: { dueDate: '2026-12-05' } }, moved: ['a', 'b', 'go'], shift: 3 },
    { name: 'completing late moves downstream', adjustments: { a: { completedOn: '2026-12-04' } }, moved: ['a', 'b', 'go'], shift: 2 },
    { name: 'completing early pulls downstream in', adjustments: { a: { completedOn: '2026-12-01' } }, moved: ['a', 'b', 'go'], shift: -1 },
    { name: 'a task off the critical path moves alone', adjustments: { side: { dueDate: '2026-12-02' } }, moved: ['side'], shift: 0 },
    { name: 'an overdue open task is projected to end today', adjustments: {}, today: '2026-12-04', moved: ['a', 'side', 'b', 'go'], shift: 2 },
    { name: 'a done task is not projected past its completion', adjustments: { a: { completedOn: '2026-12-02' }, side: { completedOn: '2026-12-01' } }, today: '2026-12-03', moved: [], shift: 0 },
  ];

  it.each(cases)('$name', ({ adjustments, today, moved, shift }) => {
    const change = scheduleChange(planned, computeSchedule(plan, START, adjustments, today));
    expect(change.moved.map((entry) => entry.taskId)).toEqual(moved);
    expect(change.goLiveShiftDays).toBe(shift);
  });
});

describe('the shipped templates', () => {
  const load = (name: string) => JSON.parse(readFileSync(new URL(`../../../templates/rollouts/${name}.json`, import.meta.url), 'utf8')) as RolloutTemplate;

  it.each([
    ['unified-platform', 21, 31],
    ['traditional', 60, 200],
  ])('%s goes live between %i and %i days after the start', (name, min, max) => {
    const { goLive } = computeSchedule(load(name), START);
    const days = daysBetween(START, goLive) + 1;
    expect(days).toBeGreaterThanOrEqual(min);
    expect(days).toBeLessThanOrEqual(max);
  });
});
