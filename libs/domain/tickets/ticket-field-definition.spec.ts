import {
  checkTicketFieldChanges,
  impossibleChoiceValues,
  ticketFieldValue,
  validateTicketFieldDefinition,
  type TicketFieldDefinition,
  type TicketFieldDefinitionDraft,
} from './ticket-field-definition.js';

const product: TicketFieldDefinition = { name: 'product', label: 'Product', kind: 'choice', allowedValues: ['Portal', 'Mobile app'], active: true };
const seats: TicketFieldDefinition = { name: 'seats', label: 'Seats', kind: 'number', allowedValues: [], active: true };
const legacy: TicketFieldDefinition = { name: 'legacyCode', label: 'Legacy code', kind: 'text', allowedValues: [], active: false };

describe('validateTicketFieldDefinition', () => {
  const draft = (over: Partial<TicketFieldDefinitionDraft>): TicketFieldDefinitionDraft => ({
    name: 'product',
    label: 'Product',
    kind: 'text',
    allowedValues: [],
    ...over,
  });

  it('accepts a text field and a choice field with its values', () => {
    expect(validateTicketFieldDefinition(draft({}))).toEqual([]);
    expect(validateTicketFieldDefinition(draft({ kind: 'choice', allowedValues: ['Portal', 'Mobile app'] }))).toEqual([]);
  });

  it('names the input field of each problem', () => {
    const problems = validateTicketFieldDefinition(draft({ name: ' product', label: '  ', kind: 'choice', allowedValues: [] }));
    expect(problems.map((p) => p.field)).toEqual(['name', 'label', 'allowedValues']);
    expect(problems[2].message).toBe('allowedValues: a choice field needs at least one allowed value.');
  });

  it('refuses allowed values on a field that is not a choice', () => {
    expect(validateTicketFieldDefinition(draft({ kind: 'number', allowedValues: ['1'] }))).toEqual([
      { field: 'allowedValues', message: 'allowedValues: only a choice field has allowed values; a number field has none.' },
    ]);
  });

  it('refuses blank and repeated allowed values (ignoring case)', () => {
    const problems = validateTicketFieldDefinition(draft({ kind: 'choice', allowedValues: ['Portal', '', 'portal'] }));
    expect(problems.map((p) => p.message)).toEqual([
      'allowedValues: "" must not be blank nor start or end with spaces.',
      'allowedValues: "portal" is listed twice (values are compared ignoring case).',
    ]);
  });

  it('refuses a blank name', () => {
    expect(validateTicketFieldDefinition(draft({ name: '' })).map((p) => p.field)).toEqual(['name']);
  });
});

describe('ticketFieldValue', () => {
  const kind = (k: TicketFieldDefinitionDraft['kind']): TicketFieldDefinitionDraft => ({ name: 'f', label: 'F', kind: k, allowedValues: [] });

  it('gives a choice in its defined spelling, and refuses one outside the allowed values', () => {
    expect(ticketFieldValue(product, ' mobile APP ')).toBe('Mobile app');
    expect(ticketFieldValue(product, 'Desktop')).toEqual({ problem: 'Product must be one of "Portal", "Mobile app"; got "Desktop".' });
  });

  it('writes a number one way, and refuses what is not a number', () => {
    expect(ticketFieldValue(seats, '010.50')).toBe('10.5');
    expect(ticketFieldValue(seats, '-3')).toBe('-3');
    expect(ticketFieldValue(seats, 'ten')).toEqual({ problem: 'Seats must be a number; got "ten".' });
    expect(ticketFieldValue(seats, '1e3')).toEqual({ problem: 'Seats must be a number; got "1e3".' });
  });

  it('takes a date that exists, written YYYY-MM-DD', () => {
    expect(ticketFieldValue(kind('date'), '2026-02-28')).toBe('2026-02-28');
    expect(ticketFieldValue(kind('date'), '2026-02-30')).toEqual({ problem: 'F must be a date written YYYY-MM-DD that exists; got "2026-02-30".' });
    expect(ticketFieldValue(kind('date'), '28.02.2026')).toHaveProperty('problem');
  });

  it('takes true or false for a checkbox, in lower case', () => {
    expect(ticketFieldValue(kind('checkbox'), 'TRUE')).toBe('true');
    expect(ticketFieldValue(kind('checkbox'), 'false')).toBe('false');
    expect(ticketFieldValue(kind('checkbox'), 'yes')).toEqual({ problem: 'F must be true or false; got "yes".' });
    expect(ticketFieldValue(kind('checkbox'), 'constructor')).toHaveProperty('problem');
  });

  it('trims text and refuses a blank value of any kind', () => {
    expect(ticketFieldValue(kind('text'), '  hello ')).toBe('hello');
    expect(ticketFieldValue(kind('text'), '   ')).toEqual({ problem: 'F must not be blank; remove the field instead (value null).' });
  });
});

describe('checkTicketFieldChanges', () => {
  const definitions = [product, seats, legacy];

  it('normalizes defined fields (name and value) and passes undefined names through as they are', () => {
    expect(checkTicketFieldChanges(definitions, { Product: 'portal', seats: '07', plan: 'whatever', Region: null })).toEqual({
      ok: true,
      changes: { product: 'Portal', seats: '7', plan: 'whatever', Region: null },
    });
  });

  it('reports every bad value, each naming fields.<name>', () => {
    expect(checkTicketFieldChanges(definitions, { product: 'Desktop', seats: 'many' })).toEqual({
      ok: false,
      problems: [
        { field: 'fields.product', message: 'fields.product: Product must be one of "Portal", "Mobile app"; got "Desktop".' },
        { field: 'fields.seats', message: 'fields.seats: Seats must be a number; got "many".' },
      ],
    });
  });

  it('refuses setting an inactive field, but lets it be removed', () => {
    expect(checkTicketFieldChanges(definitions, { legacyCode: 'X1' })).toEqual({
      ok: false,
      problems: [{ field: 'fields.legacyCode', message: 'fields.legacyCode: Legacy code is no longer in use; it cannot be set.' }],
    });
    expect(checkTicketFieldChanges(definitions, { legacycode: null })).toEqual({ ok: true, changes: { legacyCode: null } });
  });
});

describe('impossibleChoiceValues', () => {
  it('names each value a choice field never holds, and leaves undefined fields and other kinds alone', () => {
    const conditions = [
      { name: 'Product', values: ['Portal', 'portal', 'Desktop'] },
      { name: 'seats', values: ['many'] },
      { name: 'region', values: ['EU'] },
    ];
    expect(impossibleChoiceValues([product, seats], conditions)).toEqual([
      'the field "product" never holds "portal"; its values are "Portal", "Mobile app".',
      'the field "product" never holds "Desktop"; its values are "Portal", "Mobile app".',
    ]);
  });
});
