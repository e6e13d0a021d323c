import type { RolloutTemplate, TemplatePhase, TemplateTask } from './rollout-template.js';

// A compact way for the tests to write plans: phases of tasks given as [id, durationDays, dependsOn, offsetDays].

export type TaskRow = [id: string, durationDays: number, dependsOn?: string[], offsetDays?: number];

export function planOf(phases: Array<{ id: string; kind?: TemplatePhase['kind']; overlapsPrevious?: boolean; tasks: TaskRow[] }>): RolloutTemplate {
  return {
    id: 'test-plan',
    name: 'Test plan',
    description: '',
    roles: ['lead'],
    reviewDays: [7, 30, 90],
    phases: phases.map((phase) => ({
      id: phase.id,
      kind: phase.kind ?? 'platform_setup',
      name: phase.id,
      overlapsPrevious: phase.overlapsPrevious ?? false,
      checklist: [],
      exitCriteria: [],
      tasks: phase.tasks.map(([id, durationDays, dependsOn = [], offsetDays = 0]): TemplateTask => ({
        id,
        title: id,
        ownerRole: 'lead',
        effortHours: 1,
        durationDays,
        offsetDays,
        dependsOn,
      })),
    })),
  };
}
