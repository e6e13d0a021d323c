import { taskPredecessors, templateTasks, type RolloutTemplate } from '../../../libs/domain/rollout/index.js';
import type { RolloutState } from '../../../workflows/rollout/rollout.contract.js';
import { toGateModel } from './models/gate.model.js';
import type { RolloutModel } from './models/rollout.model.js';

export interface RolloutRow {
  id: string;
  name: string;
  template_id: string;
  plan: RolloutTemplate;
  start_date: string;
  target_go_live: string | null;
  people: Record<string, string>;
  baseline: Record<string, unknown> | null;
}

/** A rollout as the API shows it: its row (plan, people, baseline) with the workflow's live state. */
export function rolloutView(row: RolloutRow, state: RolloutState): RolloutModel {
  const plan = row.plan;
  const done = (taskId: string) => state.adjustments[taskId]?.completedOn !== undefined;
  const predecessors = taskPredecessors(plan);
  const planned = new Map(state.planned.tasks.map((task) => [task.id, task]));
  const projected = new Map(state.projected.tasks.map((task) => [task.id, task]));
  const tasks = templateTasks(plan).map((task) => ({
    id: task.id,
    phaseId: task.phaseId,
    title: task.title,
    ownerRole: task.ownerRole,
    ownerId: state.owners[task.id],
    plannedStart: planned.get(task.id)!.start,
    plannedEnd: planned.get(task.id)!.end,
    projectedStart: projected.get(task.id)!.start,
    projectedEnd: projected.get(task.id)!.end,
    done: done(task.id),
    completedOn: state.adjustments[task.id]?.completedOn ?? null,
    overdue: state.overdue.includes(task.id),
    blocked: !done(task.id) && (predecessors.get(task.id) ?? []).some((before) => !done(before)),
  }));
  return {
    id: row.id,
    name: row.name,
    templateId: row.template_id,
    startDate: row.start_date,
    targetGoLive: row.target_go_live,
    people: Object.entries(row.people).map(([role, userId]) => ({ role, userId })),
    status: state.status,
    currentPhaseId: state.currentPhaseId,
    plannedGoLive: state.planned.goLive,
    projectedGoLive: state.projected.goLive,
    launchedAt: state.launchedAt,
    tasksDone: tasks.filter((task) => task.done).length,
    tasksTotal: tasks.length,
    phases: plan.phases.map((phase, index) => ({
      id: phase.id,
      name: phase.name,
      kind: phase.kind,
      status: index < state.phaseIndex ? 'done' : index === state.phaseIndex ? 'current' : 'upcoming',
      checklist: Object.entries(state.checklist[phase.id] ?? {}).map(([item, passed]) => ({ item, passed })),
    })),
    tasks,
    overdueTasks: state.overdue,
    blockedTasks: tasks.filter((task) => task.blocked).map((task) => task.id),
    gates: state.gates.map(toGateModel),
    pilotState: state.pilot.state,
    pilotReport: state.pilot.outcome,
    reviews: state.reviews,
    baseline: row.baseline,
  };
}
