import { selfServiceRate } from './self-service-rate.js';

describe('selfServiceRate', () => {
  it.each<[number, number, number | null]>([
    [0, 0, null],
    [1, 0, 0],
    [1, 1, 1],
    [4, 1, 0.25],
    [3, 2, 2 / 3],
  ])('%i searches, %i with a click → %p', (searches, searchesWithClick, rate) => {
    expect(selfServiceRate({ searches, searchesWithClick })).toBe(rate);
  });

  it.each<[number, number]>([
    [1, 2],
    [-1, 0],
    [2, -1],
    [1.5, 1],
  ])('refuses impossible counts: %i searches, %i with a click', (searches, searchesWithClick) => {
    expect(() => selfServiceRate({ searches, searchesWithClick })).toThrow(RangeError);
  });
});
