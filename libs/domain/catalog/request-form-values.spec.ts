import type { FormField } from './catalog-item.js';
import { checkRequestValues } from './request-form-values.js';

const FORM: FormField[] = [
  { name: 'reason', label: 'Reason', kind: 'text', required: true },
  { name: 'model', label: 'Model', kind: 'choice', required: true, choices: ['13 inch', '15 inch'] },
  { name: 'neededBy', label: 'Needed by', kind: 'date', required: false },
  { name: 'count', label: 'How many', kind: 'number', required: false },
];

const problemsOf = (submitted: { name: string; value: string }[]) => {
  const check = checkRequestValues(FORM, submitted);
  return check.ok ? [] : check.problems;
};

describe('checkRequestValues', () => {
  it('normalizes a complete form: trimmed text, the choice, the date, a number as a number', () => {
    const check = checkRequestValues(FORM, [
      { name: 'reason', value: '  new hire ' },
      { name: 'model', value: '15 inch' },
      { name: 'neededBy', value: '2027-02-28' },
      { name: 'count', value: ' 2.5 ' },
    ]);
    expect(check).toEqual({ ok: true, values: { reason: 'new hire', model: '15 inch', neededBy: '2027-02-28', count: 2.5 } });
  });

  it('leaves out an optional field left blank', () => {
    const check = checkRequestValues(FORM, [
      { name: 'reason', value: 'x' },
      { name: 'model', value: '13 inch' },
      { name: 'count', value: '  ' },
    ]);
    expect(check).toEqual({ ok: true, values: { reason: 'x', model: '13 inch' } });
  });

  it('refuses a required field missing or blank, naming each', () => {
    const problems = problemsOf([{ name: 'reason', value: '   ' }]);
    expect(problems.map((p) => p.field)).toEqual(['values.reason', 'values.model']);
    expect(problems[0].message).toBe('values.reason: Reason is required.');
  });

  it('refuses a number that does not parse', () => {
    for (const value of ['two', '1e3', '1,5', 'Infinity', '0x10']) {
      const problems = problemsOf([{ name: 'reason', value: 'x' }, { name: 'model', value: '13 inch' }, { name: 'count', value }]);
      expect(problems.map((p) => p.field)).toEqual(['values.count']);
    }
  });

  it('accepts negative and decimal numbers', () => {
    const check = checkRequestValues(FORM, [{ name: 'reason', value: 'x' }, { name: 'model', value: '13 inch' }, { name: 'count', value: '-3' }]);
    expect(check).toEqual({ ok: true, values: { reason: 'x', model: '13 inch', count: -3 } });
  });

  it('refuses a date in another format or one that does not exist', () => {
    for (const value of ['28.02.2027', '2027-2-28', '2027-02-30', '2026-02-29', '2027-13-01']) {
      const problems = problemsOf([{ name: 'reason', value: 'x' }, { name: 'model', value: '13 inch' }, { name: 'neededBy', value }]);
      expect(problems.map((p) => p.field)).toEqual(['values.neededBy']);
    }
  });

  it('accepts the 29th of February in a leap year', () => {
    const check = checkRequestValues(FORM, [{ name: 'reason', value: 'x' }, { name: 'model', value: '13 inch' }, { name: 'neededBy', value: '2028-02-29' }]);
    expect(check.ok).toBe(true);
  });

  it('refuses a value that is not one of the choices', () => {
    const problems = problemsOf([{ name: 'reason', value: 'x' }, { name: 'model', value: '17 inch' }]);
    expect(problems).toEqual([{ field: 'values.model', message: 'values.model: Model must be one of "13 inch", "15 inch"; got "17 inch".' }]);
  });

  it('refuses a field the form does not have, and one given twice', () => {
    const problems = problemsOf([
      { name: 'reason', value: 'x' },
      { name: 'reason', value: 'y' },
      { name: 'model', value: '13 inch' },
      { name: 'colour', value: 'red' },
    ]);
    expect(problems.map((p) => p.field)).toEqual(['values.reason', 'values.colour']);
  });

  it('refuses an overlong text', () => {
    const problems = problemsOf([{ name: 'reason', value: 'x'.repeat(5_001) }, { name: 'model', value: '13 inch' }]);
    expect(problems.map((p) => p.field)).toEqual(['values.reason']);
  });
});
