import { isNpsScore, netPromoterScore } from './nps.js';

describe('netPromoterScore (NPS = % promoters (9–10) − % detractors (0–6))', () => {
  it('has no figure without scores', () => {
    expect(netPromoterScore([])).toBeNull();
  });

  it.each<{ example: string; scores: number[]; nps: number }>([
    { example: 'all promoters', scores: [9, 10, 10], nps: 100 },
    { example: 'all detractors', scores: [0, 3, 6], nps: -100 },
    { example: 'all passives', scores: [7, 8, 7, 8], nps: 0 },
    { example: 'promoters and detractors cancel out, passives only dilute', scores: [10, 9, 8, 7, 6, 0], nps: 0 },
    { example: '2 promoters, 1 passive, 1 detractor of 4: 50% − 25%', scores: [9, 10, 7, 3], nps: 25 },
    { example: '1 promoter, 3 detractors of 5: 20% − 60%', scores: [10, 8, 6, 5, 0], nps: -40 },
    { example: '10 answers: 6 promoters (60%), 2 passives, 2 detractors (20%)', scores: [10, 10, 10, 9, 9, 9, 8, 7, 6, 1], nps: 40 },
  ])('$example → $nps', ({ scores, nps }) => {
    expect(netPromoterScore(scores)).toBe(nps);
  });

  it('is not rounded: 1 promoter of 3 is 33.3…', () => {
    expect(netPromoterScore([10, 8, 7])).toBeCloseTo(100 / 3, 10);
  });

  it('draws the lines at 6 / 7 and 8 / 9', () => {
    expect(netPromoterScore([6])).toBe(-100);
    expect(netPromoterScore([7])).toBe(0);
    expect(netPromoterScore([8])).toBe(0);
    expect(netPromoterScore([9])).toBe(100);
  });

  it('refuses a score outside 0..10 rather than counting it', () => {
    expect(() => netPromoterScore([10, 11])).toThrow(RangeError);
    expect(() => netPromoterScore([-1])).toThrow(RangeError);
    expect(() => netPromoterScore([7.5])).toThrow(RangeError);
  });
});

describe('isNpsScore', () => {
  it.each<[number, boolean]>([
    [-1, false],
    [0, true],
    [7, true],
    [10, true],
    [11, false],
    [8.5, false],
    [Number.NaN, false],
  ])('%p → %p', (score, valid) => {
    expect(isNpsScore(score)).toBe(valid);
  });
});
