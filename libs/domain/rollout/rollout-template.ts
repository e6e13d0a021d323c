/** The kinds of phase a plan is made of; the kind decides which measured exit criteria can apply. */
export const PHASE_KINDS = [
  'requirements',
  'platform_setup',
  'data_migration',
  'integrations',
  'training',
  'testing',
  'pilot',
  'launch',
  'reviews',
] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

/** Exit criteria measured from data; every gate also needs the lead's approval. */
export type ExitCriterion =
  | { type: 'tasks_done' }
  | { type: 'checklist_passed' }
  | { type: 'baseline_recorded' }
  | { type: 'migration_reconciled'; maxRejectRate: number }
  | { type: 'routing_accuracy'; minAccuracy: number; minScenarios: number }
  | { type: 'pilot_go' };
export const EXIT_CRITERION_TYPES = [
  'tasks_done',
  'checklist_passed',
  'baseline_recorded',
  'migration_reconciled',
  'routing_accuracy',
  'pilot_go',
] as const;

export interface TemplateTask {
  /** Unique in the template; dependencies name it. */
  id: string;
  title: string;
  /** A role of the template (`roles`); the rollout names the person. */
  ownerRole: string;
  effortHours: number;
  /** Calendar days the task takes, at least 1. */
  durationDays: number;
  /** Earliest start, in days after the rollout's start. */
  offsetDays: number;
  dependsOn: string[];
}

export interface TemplatePhase {
  id: string;
  kind: PhaseKind;
  name: string;
  /** Its tasks may run alongside the previous phase's; otherwise they start after all of them ended. */
  overlapsPrevious: boolean;
  tasks: TemplateTask[];
  checklist: string[];
  exitCriteria: ExitCriterion[];
}

export interface RolloutTemplate {
  id: string;
  name: string;
  description: string;
  /** The people a rollout must name, e.g. lead, admin, trainer. */
  roles: string[];
  phases: TemplatePhase[];
  /** Post-go-live reviews, in days after launch. */
  reviewDays: number[];
}

/** Every task of the template with its phase, in plan order. */
export function templateTasks(template: RolloutTemplate): Array<TemplateTask & { phaseId: string }> {
  return template.phases.flatMap((phase) => phase.tasks.map((task) => ({ ...task, phaseId: phase.id })));
}
