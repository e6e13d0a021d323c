/**
 * The Gantt timeline's layout maths: calendar dates (YYYY-MM-DD, whole days, end dates inclusive as the API's schedule
 * has them) to horizontal offsets and widths in percent of the timeline's width, the rows (each phase, then its tasks),
 * the today line, go-live markers, axis ticks and slips. Pure, so the screen only positions what this returns.
 */

const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Up to this many days the axis is ticked weekly (Mondays), beyond it monthly. */
const WEEKLY_TICKS_UP_TO_DAYS = 120;

export interface TimelineTask {
  id: string;
  phaseId: string;
  title: string;
  plannedStart: string;
  plannedEnd: string;
  projectedStart: string;
  projectedEnd: string;
  done: boolean;
  overdue: boolean;
  blocked: boolean;
}

export interface TimelinePhase {
  id: string;
  name: string;
  status: string;
}

/** The days the timeline spans, first and last inclusive. */
export interface TimelineWindow {
  first: string;
  last: string;
  days: number;
}

/** A bar's place along the timeline, in percent of its width. */
export interface BarPosition {
  left: number;
  width: number;
}

export type TaskState = 'done' | 'overdue' | 'blocked' | 'slipped' | 'on-track';

export interface PhaseRow {
  kind: 'phase';
  phase: TimelinePhase;
  /** null for a phase without tasks (e.g. the post-go-live reviews). */
  planned: BarPosition | null;
  projected: BarPosition | null;
  slipDays: number;
  slip: BarPosition | null;
}

export interface TaskRow {
  kind: 'task';
  task: TimelineTask;
  planned: BarPosition;
  projected: BarPosition;
  slipDays: number;
  /** The days past the planned end the projection adds (null when not late). */
  slip: BarPosition | null;
  state: TaskState;
}

export type TimelineRow = PhaseRow | TaskRow;

export interface AxisTick {
  date: string;
  left: number;
  label: string;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date (UTC, so no time zone or DST shifts a bar). */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Today as the API counts it (UTC), so "overdue" on screen and in the API agree. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** "7 Dec 2026": unambiguous in any locale. */
export function formatDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** Positive: the projected end is that many days after the planned one; negative: ahead of plan. */
export function slipDays(plannedEnd: string, projectedEnd: string): number {
  return dayNumber(projectedEnd) - dayNumber(plannedEnd);
}

/** "+5 days late", "2 days early", "on plan". */
export function describeSlip(days: number): string {
  if (days === 0) return 'on plan';
  const amount = `${Math.abs(days)} day${Math.abs(days) === 1 ? '' : 's'}`;
  return days > 0 ? `${amount} late` : `${amount} early`;
}

/** Every planned and projected day of the tasks, and today, with the go-live dates, fit in the window. */
export function timelineWindow(tasks: readonly TimelineTask[], extraDates: readonly string[]): TimelineWindow {
  const days = [
    ...tasks.flatMap((task) => [task.plannedStart, task.plannedEnd, task.projectedStart, task.projectedEnd]),
    ...extraDates,
  ].map(dayNumber);
  if (days.length === 0) throw new Error('a timeline needs at least one date');
  const first = Math.min(...days);
  const last = Math.max(...days);
  return { first: dateOfDay(first), last: dateOfDay(last), days: last - first + 1 };
}

/** A bar from the start of `start` to the end of `end` (inclusive). */
export function barPosition(window: TimelineWindow, start: string, end: string): BarPosition {
  const from = dayNumber(start) - dayNumber(window.first);
  const length = Math.max(1, dayNumber(end) - dayNumber(start) + 1);
  return { left: percent(from, window), width: percent(length, window) };
}

/** A vertical line through the middle of a day (today, a go-live); null when the day is outside the window. */
export function markerOffset(window: TimelineWindow, date: string): number | null {
  const from = dayNumber(date) - dayNumber(window.first);
  if (from < 0 || from >= window.days) return null;
  return percent(from + 0.5, window);
}

/** The stretch from the day after the planned end to the projected end; null when the projection is not later. */
export function slipBar(window: TimelineWindow, plannedEnd: string, projectedEnd: string): BarPosition | null {
  if (projectedEnd <= plannedEnd) return null;
  return barPosition(window, dateOfDay(dayNumber(plannedEnd) + 1), projectedEnd);
}

/** Done first (whatever its dates), then what needs the lead: overdue, blocked, slipped. */
export function taskState(task: TimelineTask): TaskState {
  if (task.done) return 'done';
  if (task.overdue) return 'overdue';
  if (task.blocked) return 'blocked';
  return slipDays(task.plannedEnd, task.projectedEnd) > 0 ? 'slipped' : 'on-track';
}

/** Each phase in plan order, followed by its tasks in plan order; a phase's bar spans its tasks. */
export function timelineRows(window: TimelineWindow, phases: readonly TimelinePhase[], tasks: readonly TimelineTask[]): TimelineRow[] {
  return phases.flatMap((phase): TimelineRow[] => {
    const own = tasks.filter((task) => task.phaseId === phase.id);
    const taskRows = own.map(
      (task): TaskRow => ({
        kind: 'task',
        task,
        planned: barPosition(window, task.plannedStart, task.plannedEnd),
        projected: barPosition(window, task.projectedStart, task.projectedEnd),
        slipDays: slipDays(task.plannedEnd, task.projectedEnd),
        slip: slipBar(window, task.plannedEnd, task.projectedEnd),
        state: taskState(task),
      }),
    );
    if (own.length === 0) return [{ kind: 'phase', phase, planned: null, projected: null, slipDays: 0, slip: null }];
    const span = (starts: string[], ends: string[]) => ({ start: earliest(starts), end: latest(ends) });
    const planned = span(own.map((task) => task.plannedStart), own.map((task) => task.plannedEnd));
    const projected = span(own.map((task) => task.projectedStart), own.map((task) => task.projectedEnd));
    const phaseRow: PhaseRow = {
      kind: 'phase',
      phase,
      planned: barPosition(window, planned.start, planned.end),
      projected: barPosition(window, projected.start, projected.end),
      slipDays: slipDays(planned.end, projected.end),
      slip: slipBar(window, planned.end, projected.end),
    };
    return [phaseRow, ...taskRows];
  });
}

/** Mondays for a window up to about four months, first days of months beyond; labelled "7 Dec" / "Jan 2027". */
export function axisTicks(window: TimelineWindow): AxisTick[] {
  const first = dayNumber(window.first);
  const ticks: AxisTick[] = [];
  for (let day = first; day < first + window.days; day++) {
    const date = dateOfDay(day);
    const [year, month, dayOfMonth] = date.split('-').map(Number);
    const weekly = window.days <= WEEKLY_TICKS_UP_TO_DAYS;
    const isMonday = new Date(day * DAY_MS).getUTCDay() === 1;
    if (weekly ? isMonday : dayOfMonth === 1) {
      ticks.push({ date, left: percent(day - first, window), label: weekly ? `${dayOfMonth} ${MONTHS[month - 1]}` : `${MONTHS[month - 1]} ${year}` });
    }
  }
  return ticks;
}

function percent(days: number, window: TimelineWindow): number {
  return (days / window.days) * 100;
}

function earliest(dates: string[]): string {
  return dates.reduce((min, date) => (date < min ? date : min));
}

function latest(dates: string[]): string {
  return dates.reduce((max, date) => (date > max ? date : max));
}
