import { fieldChanges, withFieldChanges } from './field-changes.js';

describe('fieldChanges', () => {
  it('names added, changed and removed fields, and only those', () => {
    expect(fieldChanges({ product: 'X', plan: 'pro', region: 'eu' }, { product: 'Y', plan: 'pro', os: 'linux' })).toEqual({
      os: { from: null, to: 'linux' },
      product: { from: 'X', to: 'Y' },
      region: { from: 'eu', to: null },
    });
  });

  it('is empty when nothing changed', () => {
    expect(fieldChanges({ product: 'X' }, { product: 'X' })).toEqual({});
    expect(fieldChanges({}, {})).toEqual({});
  });
});

describe('withFieldChanges', () => {
  it('sets the given fields, removes those given as null, and keeps the others', () => {
    expect(withFieldChanges({ product: 'X', plan: 'pro', region: 'eu' }, { product: 'Y', region: null, os: 'linux' })).toEqual({
      product: 'Y',
      plan: 'pro',
      os: 'linux',
    });
  });
});
