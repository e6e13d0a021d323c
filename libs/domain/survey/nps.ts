/** The standard NPS question, asked on the survey when the settings say so. */
export const NPS_QUESTION = 'How likely are you to recommend us to a friend or colleague?';
export const NPS_SCORE = { min: 0, max: 10 } as const;
/** 9 and 10 are promoters, 0 to 6 detractors; 7 and 8 (passives) count only in the total. */
export const NPS_PROMOTER_SCORE = 9;
export const NPS_DETRACTOR_SCORE = 6;

export function isNpsScore(score: number): boolean {
  return Number.isInteger(score) && score >= NPS_SCORE.min && score <= NPS_SCORE.max;
}

/**
 * Net Promoter Score: % promoters − % detractors, from −100 to 100; null with no scores (no figure rather than a
 * made-up one). Not rounded: reports round as they show it.
 */
export function netPromoterScore(scores: number[]): number | null {
  if (scores.length === 0) return null;
  let promoters = 0;
  let detractors = 0;
  for (const score of scores) {
    // A score outside 0..10 is a bug upstream, not a passive: fail loudly rather than skew the figure.
    if (!isNpsScore(score)) throw new RangeError(`An NPS score is a whole number from ${NPS_SCORE.min} to ${NPS_SCORE.max}, not ${score}.`);
    if (score >= NPS_PROMOTER_SCORE) promoters += 1;
    else if (score <= NPS_DETRACTOR_SCORE) detractors += 1;
  }
  return ((promoters - detractors) * 100) / scores.length;
}
