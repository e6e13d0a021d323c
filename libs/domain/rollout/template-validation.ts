import { findDependencyCycle } from './dependency-graph.js';
import { EXIT_CRITERION_TYPES, PHASE_KINDS, templateTasks, type RolloutTemplate } from './rollout-template.js';

const MAX_DURATION_DAYS = 366;

/**
 * What is wrong with a template, one sentence each (empty: usable). A plan that cannot be scheduled is refused here:
 * unknown or self dependencies, owners outside the roles, impossible durations, a dependency cycle (named).
 */
export function templateProblems(template: RolloutTemplate): string[] {
  const problems: string[] = [];
  if (!template.name.trim()) problems.push('The template needs a name.');
  if (template.phases.length === 0) problems.push('The template needs at least one phase.');
  const roles = new Set(template.roles);
  const tasks = templateTasks(template);
  const ids = new Set<string>();
  for (const phase of template.phases) {
    if (!PHASE_KINDS.includes(phase.kind)) problems.push(`Phase "${phase.id}" has an unknown kind "${phase.kind}".`);
    for (const criterion of phase.exitCriteria) {
      if (!EXIT_CRITERION_TYPES.includes(criterion.type)) problems.push(`Phase "${phase.id}" has an unknown exit criterion "${criterion.type}".`);
    }
  }
  for (const task of tasks) {
    if (ids.has(task.id)) problems.push(`Task id "${task.id}" is used twice.`);
    ids.add(task.id);
    if (!roles.has(task.ownerRole)) problems.push(`Task "${task.id}" is owned by "${task.ownerRole}", which is not one of the roles (${template.roles.join(', ')}).`);
    if (!Number.isInteger(task.durationDays) || task.durationDays < 1 || task.durationDays > MAX_DURATION_DAYS) {
      problems.push(`Task "${task.id}" must take 1 to ${MAX_DURATION_DAYS} whole days (it says ${task.durationDays}).`);
    }
    if (!Number.isInteger(task.offsetDays) || task.offsetDays < 0) problems.push(`Task "${task.id}" needs a whole, non-negative offset in days.`);
    if (!(task.effortHours >= 0)) problems.push(`Task "${task.id}" needs a non-negative effort.`);
    if (task.dependsOn.includes(task.id)) problems.push(`Task "${task.id}" depends on itself.`);
  }
  for (const task of tasks) {
    for (const dependency of task.dependsOn) {
      if (!ids.has(dependency)) problems.push(`Task "${task.id}" depends on "${dependency}", which is not a task of the template.`);
    }
  }
  for (const days of template.reviewDays) {
    if (!Number.isInteger(days) || days < 1) problems.push(`Review days must be whole days after launch (it says ${days}).`);
  }
  if (problems.length === 0) {
    const cycle = findDependencyCycle(template);
    if (cycle) problems.push(`The tasks depend on each other in a cycle: ${cycle.join(' → ')}.`);
  }
  return problems;
}
