import { blankFormValues, formValuesInput, inputTypeOf, splitFieldErrors, type CatalogFormField } from './service-form';

const FIELDS: CatalogFormField[] = [
  { name: 'model', label: 'Model', kind: 'CHOICE', required: true, choices: ['13 inch', '15 inch'] },
  { name: 'reason', label: 'Reason', kind: 'TEXT', required: true, choices: [] },
  { name: 'neededBy', label: 'Needed by', kind: 'DATE', required: false, choices: [] },
];

describe('service request form', () => {
  it('starts with every field empty, a choice unchosen', () => {
    expect(blankFormValues(FIELDS)).toEqual({ model: '', reason: '', neededBy: '' });
  });

  it('submits every field in the form order, blanks included (the API names a required one left empty)', () => {
    expect(formValuesInput(FIELDS, { reason: 'Old one broke', model: '15 inch' })).toEqual([
      { name: 'model', value: '15 inch' },
      { name: 'reason', value: 'Old one broke' },
      { name: 'neededBy', value: '' },
    ]);
  });

  it("puts each message of the API beside its field: the form's values by name (without the field path), the request's by theirs", () => {
    expect(
      splitFieldErrors({ 'values.reason': 'values.reason: Reason is required.', requesterEmail: 'requesterEmail must be an email address' }),
    ).toEqual({ values: { reason: 'Reason is required.' }, request: { requesterEmail: 'requesterEmail must be an email address' } });
  });

  it.each([
    ['TEXT', 'text'],
    ['DATE', 'date'],
    ['NUMBER', 'number'],
  ] as const)('a %s field is an input of type %s', (kind, type) => expect(inputTypeOf(kind)).toBe(type));
});
