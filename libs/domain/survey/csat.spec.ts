import { csatSummary, isSurveyScore } from './csat.js';

describe('csatSummary (CSAT = answered surveys scoring 4 or 5 / answered surveys)', () => {
  it('has no figure when nothing was answered', () => {
    expect(csatSummary([])).toEqual({ overall: { answered: 0, satisfied: 0, csat: null }, byKey: [] });
  });

  it('counts 4 and 5 as satisfied, 1 to 3 not, overall and per key in order of first appearance', () => {
    const summary = csatSummary([
      { key: 'ana', score: 5, count: 2 },
      { key: 'bob', score: 3, count: 1 },
      { key: 'ana', score: 4, count: 1 },
      { key: 'ana', score: 1, count: 1 },
      { key: null, score: 4, count: 1 },
      { key: 'bob', score: 2, count: 3 },
    ]);
    expect(summary).toEqual({
      overall: { answered: 9, satisfied: 4, csat: 4 / 9 },
      byKey: [
        { key: 'ana', answered: 4, satisfied: 3, csat: 0.75 },
        { key: 'bob', answered: 4, satisfied: 0, csat: 0 },
        { key: null, answered: 1, satisfied: 1, csat: 1 },
      ],
    });
  });

  it.each<[number, number]>([
    [1, 0],
    [2, 0],
    [3, 0],
    [4, 1],
    [5, 1],
  ])('a single score of %i gives CSAT %i', (score, csat) => {
    expect(csatSummary([{ key: 'k', score, count: 1 }]).overall.csat).toBe(csat);
  });
});

describe('isSurveyScore', () => {
  it.each<[number, boolean]>([
    [0, false],
    [1, true],
    [3, true],
    [5, true],
    [6, false],
    [4.5, false],
    [Number.NaN, false],
  ])('%p → %p', (score, valid) => {
    expect(isSurveyScore(score)).toBe(valid);
  });
});
