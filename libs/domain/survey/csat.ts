/** Scores of 4 and 5 (of 1..5) count as satisfied. */
export const SATISFIED_SCORE = 4;
export const SURVEY_SCORE = { min: 1, max: 5 } as const;

export function isSurveyScore(score: number): boolean {
  return Number.isInteger(score) && score >= SURVEY_SCORE.min && score <= SURVEY_SCORE.max;
}

export interface CsatFigure {
  answered: number;
  satisfied: number;
  /** CSAT: satisfied / answered, 0..1; null when nothing was answered (no figure rather than a made-up one). */
  csat: number | null;
}

/** How many answered surveys had each score, for one key (an agent, a group, a period; null: none). */
export interface ScoreCount {
  key: string | null;
  score: number;
  count: number;
}

/** CSAT overall and per key, keys in order of first appearance. */
export function csatSummary(counts: readonly ScoreCount[]): { overall: CsatFigure; byKey: Array<{ key: string | null } & CsatFigure> } {
  const byKey = new Map<string | null, { answered: number; satisfied: number }>();
  const overall = { answered: 0, satisfied: 0 };
  for (const { key, score, count } of counts) {
    let tally = byKey.get(key);
    if (!tally) byKey.set(key, (tally = { answered: 0, satisfied: 0 }));
    const satisfied = score >= SATISFIED_SCORE ? count : 0;
    for (const target of [tally, overall]) {
      target.answered += count;
      target.satisfied += satisfied;
    }
  }
  return { overall: figure(overall), byKey: [...byKey].map(([key, tally]) => ({ key, ...figure(tally) })) };
}

function figure({ answered, satisfied }: { answered: number; satisfied: number }): CsatFigure {
  return { answered, satisfied, csat: answered === 0 ? null : satisfied / answered };
}
