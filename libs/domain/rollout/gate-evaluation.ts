import { atLeast, atMost, type CriterionResult } from './criterion-result.js';
import type { PilotReport } from './pilot-evaluation.js';
import type { ExitCriterion } from './rollout-template.js';

export interface MigrationTotals {
  read: number;
  imported: number;
  updated: number;
  rejected: number;
  skipped: number;
}

/** What a gate is judged on; a measurement that is null cannot be taken yet. */
export interface GateMeasurements {
  openTasks: string[];
  checklist: Array<{ item: string; passed: boolean }>;
  baselineRecorded: boolean;
  /** The migration run the rollout names: null when none is named, or migration runs do not exist yet. */
  migration: { status: string; totals: MigrationTotals } | null;
  /** The last routing simulation recorded for the rollout. */
  routingSimulation: { scenarios: number; withExpectation: number; met: number; accuracy: number } | null;
  pilot: PilotReport | null;
}

export interface GateResult {
  passed: boolean;
  criteria: CriterionResult[];
}

/** A gate passes when no measured criterion failed; criteria not measurable yet are left to the lead's approval. */
export function evaluateGate(criteria: readonly ExitCriterion[], measured: GateMeasurements): GateResult {
  const results = criteria.flatMap((criterion) => judgeCriterion(criterion, measured));
  return { passed: results.every((result) => result.status !== 'failed'), criteria: results };
}

function judgeCriterion(criterion: ExitCriterion, measured: GateMeasurements): CriterionResult[] {
  switch (criterion.type) {
    case 'tasks_done': {
      const result = atMost('open tasks', measured.openTasks.length, 0, '');
      return [measured.openTasks.length > 0 ? { ...result, detail: `${result.detail} Still open: ${measured.openTasks.join(', ')}.` } : result];
    }
    case 'checklist_passed': {
      const failing = measured.checklist.filter((entry) => !entry.passed).map((entry) => entry.item);
      const result = atMost('checklist items not passed', failing.length, 0, '');
      return [failing.length > 0 ? { ...result, detail: `${result.detail} Not passed: ${failing.join('; ')}.` } : result];
    }
    case 'baseline_recorded':
      return [atLeast('baseline recorded', measured.baselineRecorded ? 1 : 0, 1, '')];
    case 'migration_reconciled':
      return judgeMigration(criterion.maxRejectRate, measured.migration);
    case 'routing_accuracy': {
      const simulation = measured.routingSimulation;
      const why = 'no routing simulation recorded for the rollout';
      return [
        atLeast('routing simulation scenarios with an expected group', simulation?.withExpectation ?? null, criterion.minScenarios, '', why),
        atLeast('routing simulation accuracy', simulation ? simulation.accuracy * 100 : null, criterion.minAccuracy * 100, ' %', why),
      ];
    }
    case 'pilot_go': {
      const pilot = measured.pilot;
      // The pilot is built here, so it is always measurable: no report yet is a failure, not the lead's call.
      if (!pilot) return [{ ...atLeast('pilot decision go', 0, 1, ''), detail: 'The pilot has not ended yet: its evaluation decides this gate.' }];
      const result = atLeast('pilot decision go', pilot.go ? 1 : 0, 1, '');
      const failed = pilot.criteria.filter((entry) => entry.status === 'failed').map((entry) => entry.detail);
      return [pilot.go ? result : { ...result, detail: `The pilot's evaluation says no-go: ${failed.join(' ')}` }];
    }
  }
}

function judgeMigration(maxRejectRate: number, migration: GateMeasurements['migration']): CriterionResult[] {
  if (!migration) return [atLeast('migration run completed', null, 1, '', 'no migration run measured for the rollout')];
  const { read, imported, updated, rejected, skipped } = migration.totals;
  const accounted = imported + updated + rejected + skipped;
  return [
    atLeast('migration run completed', migration.status === 'completed' ? 1 : 0, 1, ''),
    atMost('migration rows not reconciled (read − imported − updated − rejected − skipped)', Math.abs(read - accounted), 0, ''),
    atMost('migration reject rate', read === 0 ? 0 : (rejected / read) * 100, maxRejectRate * 100, ' %'),
  ];
}
