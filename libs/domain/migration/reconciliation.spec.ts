import { addCounts, batchValidationFailure, reconciles, type MigrationCounts } from './reconciliation.js';

const counts = (read: number, imported: number, updated: number, rejected: number, skipped: number): MigrationCounts => ({
  read,
  imported,
  updated,
  rejected,
  skipped,
});

describe('reconciliation', () => {
  it.each<[MigrationCounts, boolean]>([
    [counts(10, 5, 2, 2, 1), true],
    [counts(0, 0, 0, 0, 0), true],
    [counts(10, 5, 2, 2, 0), false],
    [counts(10, 10, 0, 1, 0), false],
  ])('%p reconciles: %p', (value, expected) => {
    expect(reconciles(value)).toBe(expected);
  });

  it('adds counts field by field', () => {
    expect(addCounts(counts(1, 1, 0, 0, 0), counts(3, 0, 1, 1, 1))).toEqual(counts(4, 1, 1, 1, 1));
  });

  it.each<[string, MigrationCounts, number, RegExp | null]>([
    ['a clean batch', counts(100, 100, 0, 0, 0), 0.05, null],
    ['rejects at the threshold', counts(100, 95, 0, 5, 0), 0.05, null],
    ['rejects above the threshold', counts(100, 94, 0, 6, 0), 0.05, /6 of 100 records rejected \(6\.0 %\), above the 5\.0 %/],
    ['skipped records do not dilute the rate', counts(100, 0, 0, 2, 98), 0.05, /2 of 2 records rejected/],
    ['a batch of only skipped records', counts(10, 0, 0, 0, 10), 0, null],
    ['counts that do not add up', counts(10, 9, 0, 0, 0), 1, /do not reconcile/],
  ])('%s', (_name, value, maxRejectRate, expected) => {
    const failure = batchValidationFailure(value, { maxRejectRate });
    if (expected === null) expect(failure).toBeNull();
    else expect(failure).toMatch(expected);
  });
});
