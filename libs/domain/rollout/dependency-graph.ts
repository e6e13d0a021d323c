import { templateTasks, type RolloutTemplate } from './rollout-template.js';

/**
 * What each task waits for: its named dependencies, plus every task of the previous stage. A stage is a phase together
 * with the phases after it that overlap it (they run alongside, so they wait for what the stage's first phase waits for).
 */
export function taskPredecessors(template: RolloutTemplate): Map<string, string[]> {
  const predecessors = new Map<string, string[]>();
  let previousStage: string[] = [];
  let currentStage: string[] = [];
  for (const phase of template.phases) {
    if (!phase.overlapsPrevious && currentStage.length > 0) {
      previousStage = currentStage;
      currentStage = [];
    }
    for (const task of phase.tasks) predecessors.set(task.id, [...new Set([...task.dependsOn, ...previousStage])]);
    currentStage = [...currentStage, ...phase.tasks.map((task) => task.id)];
  }
  return predecessors;
}

/** The first dependency cycle found, as task ids ending where they began (a → b → a), or null. */
export function findDependencyCycle(template: RolloutTemplate): string[] | null {
  const predecessors = taskPredecessors(template);
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | null => {
    if (state.get(id) === 'done') return null;
    if (state.get(id) === 'visiting') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'visiting');
    path.push(id);
    for (const before of predecessors.get(id) ?? []) {
      const cycle = visit(before);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    return null;
  };
  for (const task of templateTasks(template)) {
    const cycle = visit(task.id);
    if (cycle) return cycle.reverse();
  }
  return null;
}
