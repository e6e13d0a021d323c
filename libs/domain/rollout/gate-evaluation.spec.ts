import { evaluateGate, type GateMeasurements } from './gate-evaluation.js';
import type { ExitCriterion } from './rollout-template.js';

const NOTHING_YET: GateMeasurements = { openTasks: [], checklist: [], baselineRecorded: false, migration: null, routingSimulation: null, pilot: null };
const totals = { read: 1000, imported: 980, updated: 0, rejected: 15, skipped: 5 };

describe('evaluateGate', () => {
  const cases: Array<{
    name: string;
    criteria: ExitCriterion[];
    measured: Partial<GateMeasurements>;
    passed: boolean;
    statuses: string[];
    detail?: string;
  }> = [
    { name: 'no criteria: the approval alone', criteria: [], measured: {}, passed: true, statuses: [] },
    {
      name: 'open tasks fail and are named',
      criteria: [{ type: 'tasks_done' }],
      measured: { openTasks: ['train-agents'] },
      passed: false,
      statuses: ['failed'],
      detail: 'open tasks: 1, needs at most 0 (short by 1). Still open: train-agents.',
    },
    {
      name: 'a checklist item not passed',
      criteria: [{ type: 'checklist_passed' }],
      measured: { checklist: [{ item: 'Routing', passed: true }, { item: 'Surveys', passed: false }] },
      passed: false,
      statuses: ['failed'],
      detail: 'checklist items not passed: 1, needs at most 0 (short by 1). Not passed: Surveys.',
    },
    {
      name: 'routing accuracy under 90 % by how much',
      criteria: [{ type: 'routing_accuracy', minAccuracy: 0.9, minScenarios: 20 }],
      measured: { routingSimulation: { scenarios: 27, withExpectation: 25, met: 21, accuracy: 0.84 } },
      passed: false,
      statuses: ['passed', 'failed'],
      detail: 'routing simulation accuracy: 84 %, needs at least 90 % (short by 6 %).',
    },
    {
      name: 'too few scenarios',
      criteria: [{ type: 'routing_accuracy', minAccuracy: 0.9, minScenarios: 20 }],
      measured: { routingSimulation: { scenarios: 10, withExpectation: 10, met: 10, accuracy: 1 } },
      passed: false,
      statuses: ['failed', 'passed'],
    },
    {
      name: 'no simulation yet: not measurable, left to the lead',
      criteria: [{ type: 'routing_accuracy', minAccuracy: 0.9, minScenarios: 20 }],
      measured: {},
      passed: true,
      statuses: ['not_measurable', 'not_measurable'],
    },
    {
      name: 'a reconciled migration under the reject threshold',
      criteria: [{ type: 'migration_reconciled', maxRejectRate: 0.02 }],
      measured: { migration: { status: 'completed', totals } },
      passed: true,
      statuses: ['passed', 'passed', 'passed'],
    },
    {
      name: 'a migration with too many rejects and unaccounted rows',
      criteria: [{ type: 'migration_reconciled', maxRejectRate: 0.01 }],
      measured: { migration: { status: 'completed', totals: { ...totals, imported: 970 } } },
      passed: false,
      statuses: ['passed', 'failed', 'failed'],
      detail: 'migration reject rate: 1.5 %, needs at most 1 % (short by 0.5 %).',
    },
    {
      name: 'a migration still running',
      criteria: [{ type: 'migration_reconciled', maxRejectRate: 0.02 }],
      measured: { migration: { status: 'running', totals } },
      passed: false,
      statuses: ['failed', 'passed', 'passed'],
    },
    {
      name: 'no baseline recorded',
      criteria: [{ type: 'baseline_recorded' }],
      measured: {},
      passed: false,
      statuses: ['failed'],
    },
    {
      name: 'a pilot that has not ended fails the gate',
      criteria: [{ type: 'pilot_go' }],
      measured: {},
      passed: false,
      statuses: ['failed'],
      detail: 'The pilot has not ended yet: its evaluation decides this gate.',
    },
  ];

  it.each(cases)('$name', ({ criteria, measured, passed, statuses, detail }) => {
    const result = evaluateGate(criteria, { ...NOTHING_YET, ...measured });
    expect(result.passed).toBe(passed);
    expect(result.criteria.map((criterion) => criterion.status)).toEqual(statuses);
    if (detail) expect(result.criteria.map((criterion) => criterion.detail)).toContain(detail);
  });
});
