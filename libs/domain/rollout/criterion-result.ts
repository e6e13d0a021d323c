/** One exit or success criterion judged: passed, failed (with by how much), or not measurable yet (the lead decides). */
export interface CriterionResult {
  criterion: string;
  status: 'passed' | 'failed' | 'not_measurable';
  /** A sentence a person can act on, naming the gap when it failed. */
  detail: string;
  actual: number | null;
  target: number | null;
  /** How far from the target a failure is (in the criterion's unit), 0 when passed. */
  shortBy: number | null;
}

/** A value that must reach at least `target`; null means it cannot be measured yet (`why`). */
export function atLeast(criterion: string, actual: number | null, target: number, unit: string, why = 'no data yet'): CriterionResult {
  return judge(criterion, actual, target, unit, why, actual !== null && actual >= target, actual === null ? 0 : target - actual, 'at least');
}

/** A value that must stay at or under `target`. */
export function atMost(criterion: string, actual: number | null, target: number, unit: string, why = 'no data yet'): CriterionResult {
  return judge(criterion, actual, target, unit, why, actual !== null && actual <= target, actual === null ? 0 : actual - target, 'at most');
}

function judge(
  criterion: string,
  actual: number | null,
  target: number,
  unit: string,
  why: string,
  met: boolean,
  gap: number,
  bound: string,
): CriterionResult {
  if (actual === null) {
    return { criterion, status: 'not_measurable', detail: `${criterion}: not measurable yet (${why}); the lead's approval decides.`, actual, target, shortBy: null };
  }
  const shown = (value: number) => `${round(value)}${unit}`;
  if (met) {
    return { criterion, status: 'passed', detail: `${criterion}: ${shown(actual)} (${bound} ${shown(target)}).`, actual, target, shortBy: 0 };
  }
  return {
    criterion,
    status: 'failed',
    detail: `${criterion}: ${shown(actual)}, needs ${bound} ${shown(target)} (short by ${shown(gap)}).`,
    actual,
    target,
    shortBy: round(gap),
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
