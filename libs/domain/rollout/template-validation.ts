import { findDependencyCycle } from './dependency-graph.js';
import { EXIT_CRITERION_TYPES, PHASE_KINDS, templateTasks, type ExitCriterion, type RolloutTemplate } from './rollout-template.js';

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
    for (const criterion of phase.exitCriteria) problems.push(...criterionProblems(phase.id, criterion));
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

const isShare = (value: unknown) => typeof value === 'number' && value >= 0 && value <= 1;

/** A criterion's own parameters: shares between 0 and 1, whole scenario counts. */
function criterionProblems(phaseId: string, criterion: ExitCriterion): string[] {
  if (!EXIT_CRITERION_TYPES.includes(criterion.type)) return [`Phase "${phaseId}" has an unknown exit criterion "${criterion.type}".`];
  if (criterion.type === 'migration_reconciled' && !isShare(criterion.maxRejectRate)) {
    return [`Phase "${phaseId}": migration_reconciled needs a maxRejectRate between 0 and 1.`];
  }
  if (criterion.type === 'routing_accuracy' && (!isShare(criterion.minAccuracy) || !Number.isInteger(criterion.minScenarios) || criterion.minScenarios < 0)) {
    return [`Phase "${phaseId}": routing_accuracy needs a minAccuracy between 0 and 1 and a whole minScenarios.`];
  }
  return [];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((entry) => typeof entry === 'string');

/** Whether free-form JSON (an admin's edit) has the shape of a template; its rules are templateProblems'. */
export function templateShapeProblems(value: unknown): string[] {
  if (!isObject(value)) return ['A template is a JSON object.'];
  const problems: string[] = [];
  for (const key of ['id', 'name', 'description'] as const) if (typeof value[key] !== 'string') problems.push(`"${key}" must be a string.`);
  if (!isStringList(value.roles)) problems.push('"roles" must be a list of strings.');
  if (!Array.isArray(value.reviewDays) || !value.reviewDays.every((day) => typeof day === 'number')) problems.push('"reviewDays" must be a list of numbers.');
  if (!Array.isArray(value.phases)) return [...problems, '"phases" must be a list.'];
  value.phases.forEach((phase: unknown, index) => {
    const where = `phases[${index}]`;
    if (!isObject(phase)) return void problems.push(`${where} must be an object.`);
    for (const key of ['id', 'kind', 'name']) if (typeof phase[key] !== 'string') problems.push(`${where}.${key} must be a string.`);
    if (typeof phase.overlapsPrevious !== 'boolean') problems.push(`${where}.overlapsPrevious must be true or false.`);
    if (!isStringList(phase.checklist)) problems.push(`${where}.checklist must be a list of strings.`);
    if (!Array.isArray(phase.exitCriteria) || !phase.exitCriteria.every((criterion) => isObject(criterion) && typeof criterion.type === 'string')) {
      problems.push(`${where}.exitCriteria must be a list of objects with a "type".`);
    }
    if (!Array.isArray(phase.tasks)) return void problems.push(`${where}.tasks must be a list.`);
    phase.tasks.forEach((task: unknown, taskIndex) => {
      const at = `${where}.tasks[${taskIndex}]`;
      if (!isObject(task)) return void problems.push(`${at} must be an object.`);
      for (const key of ['id', 'title', 'ownerRole']) if (typeof task[key] !== 'string') problems.push(`${at}.${key} must be a string.`);
      for (const key of ['effortHours', 'durationDays', 'offsetDays']) if (typeof task[key] !== 'number') problems.push(`${at}.${key} must be a number.`);
      if (!isStringList(task.dependsOn)) problems.push(`${at}.dependsOn must be a list of task ids.`);
    });
  });
  return problems;
}
