import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  CriterionResult,
  GateResult,
  KpiComparison,
  KpiSet,
  PilotReport,
  PilotTargets,
  Roi,
  RolloutTemplate,
  Schedule,
  TaskAdjustment,
} from '../../libs/domain/rollout/index.js';

// The rollout and pilot workflows' public surface: the API imports this module, never the workflow implementations.

export const ROLLOUT_WORKFLOW_TYPE = 'rolloutWorkflow';

export function rolloutWorkflowId(rolloutId: string): string {
  return `rollout:${rolloutId}`;
}

export function pilotWorkflowId(rolloutId: string): string {
  return `rollout:${rolloutId}:pilot`;
}

export interface RolloutWorkflowInput {
  rolloutId: string;
  /** The plan as it was when the rollout was created: later template edits do not change a running rollout. */
  template: RolloutTemplate;
  startDate: string;
  /** The person (user id) for each role of the template. */
  people: Record<string, string>;
  /** Progress carried over a continue-as-new. */
  carried?: RolloutProgress;
}

export interface GateRecord {
  phaseId: string;
  at: string;
  by: string;
  passed: boolean;
  criteria: CriterionResult[];
  /** Set when the lead passed a gate its measurements failed. */
  override: { reason: string } | null;
}

export interface PilotScope {
  organizationIds: string[];
  categories: string[];
  channels: string[];
  agentIds: string[];
}

export interface PilotCheckIn {
  at: string;
  by: string;
  note: string;
}

export interface PilotIssue {
  at: string;
  by: string;
  description: string;
  severity: 'low' | 'medium' | 'high';
}

export interface PilotOutcome extends PilotReport {
  from: string;
  to: string;
  checkIns: PilotCheckIn[];
  issues: PilotIssue[];
}

export interface PilotWorkflowInput {
  rolloutId: string;
  scope: PilotScope;
  durationDays: number;
  targets: PilotTargets;
}

export interface PilotState {
  status: 'running' | 'ended';
  scope: PilotScope;
  startedAt: string;
  endsAt: string;
  checkIns: PilotCheckIn[];
  issues: PilotIssue[];
  /** The latest answer of each agent who answered, 1..10. */
  agentConfidence: Record<string, number>;
}

export interface ReviewReport {
  day: number;
  at: string;
  from: string;
  to: string;
  kpis: KpiSet;
  comparison: KpiComparison[];
  roi: Roi;
}

export interface RolloutProgress {
  status: 'active' | 'completed';
  /** Index of the phase whose gate is next. */
  phaseIndex: number;
  adjustments: Record<string, TaskAdjustment>;
  /** The person owning each task (from the people per role, changed by reassignment). */
  owners: Record<string, string>;
  /** Tasks already reported overdue for their current due date. */
  overdue: string[];
  checklist: Record<string, Record<string, boolean>>;
  gates: GateRecord[];
  pilot: { state: 'not_started' | 'running' | 'ended'; outcome: PilotOutcome | null };
  launchedAt: string | null;
  reviews: ReviewReport[];
  projected: Schedule;
  /** The last timeline sequence number written. */
  sequence: number;
}

export interface RolloutState extends RolloutProgress {
  planned: Schedule;
  currentPhaseId: string | null;
}

export interface TimelineEntry {
  sequence: number;
  type: string;
  /** A user id, or "system". */
  actor: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

/** What the gate measurement reads from PostgreSQL (the rest, tasks, checklist and pilot, the workflow knows). */
export interface StoredGateFacts {
  baselineRecorded: boolean;
  migration: GateFactsMigration | null;
  routingSimulation: { scenarios: number; withExpectation: number; met: number; accuracy: number } | null;
}
export type GateFactsMigration = { status: string; totals: { read: number; imported: number; updated: number; rejected: number; skipped: number } };

export type { GateResult };

export const rolloutStateQuery = defineQuery<RolloutState>('rolloutState');
export const completeTaskUpdate = defineUpdate<RolloutState, [{ taskId: string; by: string; completedOn?: string }]>('completeTask');
export const reassignTaskUpdate = defineUpdate<RolloutState, [{ taskId: string; by: string; ownerId: string }]>('reassignTask');
export const redateTaskUpdate = defineUpdate<RolloutState, [{ taskId: string; by: string; dueDate: string }]>('redateTask');
export const checklistItemUpdate = defineUpdate<RolloutState, [{ phaseId: string; item: string; passed: boolean; by: string }]>('checklistItem');
/**
 * A gate decision. `phaseId` names the gate the caller means: a retry after a lost answer then gets the decision already
 * made instead of judging the next phase's gate (absent: the current gate, as before).
 */
export const approveGateUpdate = defineUpdate<GateRecord, [{ by: string; phaseId?: string }]>('approveGate');
export const overrideGateUpdate = defineUpdate<GateRecord, [{ by: string; reason: string; phaseId?: string }]>('overrideGate');
export const startPilotUpdate = defineUpdate<RolloutState, [{ by: string; scope: PilotScope; durationDays: number; targets: PilotTargets }]>('startPilot');

export const pilotStateQuery = defineQuery<PilotState>('pilotState');
export const pilotCheckInSignal = defineSignal<[PilotCheckIn]>('pilotCheckIn');
export const pilotIssueSignal = defineSignal<[PilotIssue]>('pilotIssue');
export const agentConfidenceSignal = defineSignal<[{ agentId: string; score: number }]>('agentConfidence');
