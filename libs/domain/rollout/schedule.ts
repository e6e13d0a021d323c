import { addDays, daysBetween, laterDate } from './calendar-days.js';
import { taskPredecessors } from './dependency-graph.js';
import { templateTasks, type RolloutTemplate } from './rollout-template.js';

/** What happened to a task since the plan: re-dated (a new due date) or completed (on a day). */
export interface TaskAdjustment {
  dueDate?: string;
  completedOn?: string;
}

export interface ScheduledTask {
  id: string;
  phaseId: string;
  start: string;
  /** The last day of the task (its due date). */
  end: string;
  done: boolean;
}

export interface Schedule {
  tasks: ScheduledTask[];
  /** The last day of the launch phase (of the whole plan when it has none). */
  goLive: string;
}

/**
 * Start and end of every task: a task starts at the rollout's start plus its offset, but not before the day after its
 * predecessors end; it lasts its duration, unless re-dated or completed. With `today`, an open task already past its
 * due date is projected to end today at the earliest, so what waits on it moves too. The template must be valid
 * (see templateProblems): a cycle has no schedule.
 */
export function computeSchedule(
  template: RolloutTemplate,
  startDate: string,
  adjustments: Readonly<Record<string, TaskAdjustment>> = {},
  today?: string,
): Schedule {
  const predecessors = taskPredecessors(template);
  const byId = new Map(templateTasks(template).map((task) => [task.id, task]));
  const scheduled = new Map<string, ScheduledTask>();
  const place = (id: string): ScheduledTask => {
    const known = scheduled.get(id);
    if (known) return known;
    const task = byId.get(id);
    if (!task) throw new Error(`Unknown task ${id}`);
    let start = addDays(startDate, task.offsetDays);
    for (const before of predecessors.get(id) ?? []) start = laterDate(start, addDays(place(before).end, 1));
    const adjustment = adjustments[id] ?? {};
    let end = addDays(start, task.durationDays - 1);
    if (adjustment.completedOn) {
      end = adjustment.completedOn;
      if (end < start) start = end;
    } else {
      if (adjustment.dueDate) end = laterDate(start, adjustment.dueDate);
      if (today && end < today) end = today;
    }
    const placed = { id, phaseId: task.phaseId, start, end, done: adjustment.completedOn !== undefined };
    scheduled.set(id, placed);
    return placed;
  };
  const tasks = [...byId.keys()].map(place);
  const launchPhases = new Set(template.phases.filter((phase) => phase.kind === 'launch').map((phase) => phase.id));
  const launchTasks = tasks.filter((task) => launchPhases.has(task.phaseId));
  const goLive = (launchTasks.length > 0 ? launchTasks : tasks).reduce((latest, task) => laterDate(latest, task.end), startDate);
  return { tasks, goLive };
}

export interface ScheduleChange {
  moved: Array<{ taskId: string; fromEnd: string; toEnd: string }>;
  goLiveFrom: string;
  goLiveTo: string;
  /** Positive: go-live is later. */
  goLiveShiftDays: number;
}

/** The tasks whose due date moved between two schedules of the same plan, and how go-live moved. */
export function scheduleChange(before: Schedule, after: Schedule): ScheduleChange {
  const previous = new Map(before.tasks.map((task) => [task.id, task.end]));
  const moved = after.tasks
    .filter((task) => previous.get(task.id) !== task.end)
    .map((task) => ({ taskId: task.id, fromEnd: previous.get(task.id) ?? task.end, toEnd: task.end }));
  return { moved, goLiveFrom: before.goLive, goLiveTo: after.goLive, goLiveShiftDays: daysBetween(before.goLive, after.goLive) };
}
