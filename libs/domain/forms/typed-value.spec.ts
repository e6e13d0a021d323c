import { readTypedValue } from './typed-value.js';

describe('readTypedValue', () => {
  it('gives a choice in its listed spelling, whatever the case typed, and refuses one not listed', () => {
    expect(readTypedValue('choice', 'Model', '13 INCH', ['13 inch', '15 inch'])).toBe('13 inch');
    expect(readTypedValue('choice', 'Model', '17 inch', ['13 inch', '15 inch'])).toEqual({ problem: 'Model must be one of "13 inch", "15 inch"; got "17 inch".' });
  });

  it('reads plain decimal numbers as numbers and refuses other notations', () => {
    expect(readTypedValue('number', 'Seats', '010.50')).toBe(10.5);
    expect(readTypedValue('number', 'Seats', '-3')).toBe(-3);
    expect(readTypedValue('number', 'Seats', '.5')).toBe(0.5);
    for (const raw of ['1e3', 'ten', '0x10', 'Infinity', '1.2.3']) expect(readTypedValue('number', 'Seats', raw)).toHaveProperty('problem');
  });

  it('takes only dates that exist, written YYYY-MM-DD', () => {
    expect(readTypedValue('date', 'Needed by', '2028-02-29')).toBe('2028-02-29');
    expect(readTypedValue('date', 'Needed by', '2026-02-29')).toEqual({ problem: 'Needed by must be a date written YYYY-MM-DD that exists; got "2026-02-29".' });
    expect(readTypedValue('date', 'Needed by', '28.02.2026')).toHaveProperty('problem');
  });

  it('reads a checkbox as "true" or "false" and nothing else', () => {
    expect(readTypedValue('checkbox', 'Urgent', 'TRUE')).toBe('true');
    expect(readTypedValue('checkbox', 'Urgent', 'false')).toBe('false');
    expect(readTypedValue('checkbox', 'Urgent', 'yes')).toEqual({ problem: 'Urgent must be true or false; got "yes".' });
  });

  it('keeps text as typed', () => {
    expect(readTypedValue('text', 'Reason', 'New starter')).toBe('New starter');
  });
});
