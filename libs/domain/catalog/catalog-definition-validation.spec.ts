import type { RequestItemDefinition } from './catalog-item.js';
import { validateRequestItemDefinition, validateServiceDefinition } from './catalog-definition-validation.js';

const item = (over: Partial<RequestItemDefinition> = {}): RequestItemDefinition => ({
  name: 'New laptop',
  description: '',
  customerVisible: true,
  active: true,
  position: 0,
  formFields: [
    { name: 'model', label: 'Model', kind: 'choice', required: true, choices: ['13"', '15"'] },
    { name: 'neededBy', label: 'Needed by', kind: 'date', required: false },
  ],
  approval: null,
  fulfilmentTasks: [{ title: 'Order', description: '', assigneeId: null, groupId: null }],
  ...over,
});

const fieldsOf = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('validateServiceDefinition', () => {
  it('accepts a named service', () => {
    expect(validateServiceDefinition({ name: 'Laptop', description: '', ownerGroupId: 'g', customerVisible: true, active: true })).toEqual([]);
  });

  it('refuses a blank name, naming the field', () => {
    expect(fieldsOf(validateServiceDefinition({ name: '  ', description: '', ownerGroupId: 'g', customerVisible: true, active: true }))).toEqual(['name']);
  });
});

describe('validateRequestItemDefinition', () => {
  it('accepts a form with each kind, an approval by role and tasks', () => {
    const problems = validateRequestItemDefinition(
      item({
        formFields: [
          { name: 'reason', label: 'Reason', kind: 'text', required: true },
          { name: 'model', label: 'Model', kind: 'choice', required: true, choices: ['13"', '15"'] },
          { name: 'neededBy', label: 'Needed by', kind: 'date', required: false },
          { name: 'count', label: 'How many', kind: 'number', required: false },
        ],
        approval: { approverUserId: null, approverRole: 'supervisor', escalateAfterMinutes: 60, escalateToUserId: null },
      }),
    );
    expect(problems).toEqual([]);
  });

  it('refuses a blank item name and a negative position', () => {
    expect(fieldsOf(validateRequestItemDefinition(item({ name: '', position: -1 })))).toEqual(['name', 'position']);
  });

  it('refuses a field name that is not an identifier, and a blank label', () => {
    const problems = validateRequestItemDefinition(item({ formFields: [{ name: 'needed by', label: ' ', kind: 'text', required: false }] }));
    expect(fieldsOf(problems)).toEqual(['formFields.0.name', 'formFields.0.label']);
  });

  it('refuses two fields of the same name (case-insensitively)', () => {
    const problems = validateRequestItemDefinition(
      item({
        formFields: [
          { name: 'model', label: 'Model', kind: 'text', required: false },
          { name: 'Model', label: 'Model again', kind: 'text', required: false },
        ],
      }),
    );
    expect(fieldsOf(problems)).toEqual(['formFields.1.name']);
  });

  it('refuses a choice field without choices, and choices on another kind', () => {
    const problems = validateRequestItemDefinition(
      item({
        formFields: [
          { name: 'model', label: 'Model', kind: 'choice', required: true, choices: [] },
          { name: 'count', label: 'Count', kind: 'number', required: false, choices: ['1'] },
        ],
      }),
    );
    expect(fieldsOf(problems)).toEqual(['formFields.0.choices', 'formFields.1.choices']);
    expect(problems[0].message).toContain('needs at least one choice');
    expect(problems[1].message).toContain('only a choice field has choices');
  });

  it('refuses blank and repeated choices (choices differing only in case are repeated: a requester’s is matched ignoring case)', () => {
    const blank = validateRequestItemDefinition(item({ formFields: [{ name: 'm', label: 'M', kind: 'choice', required: true, choices: ['a', ' '] }] }));
    const twice = validateRequestItemDefinition(item({ formFields: [{ name: 'm', label: 'M', kind: 'choice', required: true, choices: ['a', 'a'] }] }));
    expect(fieldsOf(blank)).toEqual(['formFields.0.choices']);
    const caseOnly = validateRequestItemDefinition(item({ formFields: [{ name: 'm', label: 'M', kind: 'choice', required: true, choices: ['Mac', 'mac'] }] }));
    expect(fieldsOf(twice)).toEqual(['formFields.0.choices']);
    expect(fieldsOf(caseOnly)).toEqual(['formFields.0.choices']);
  });

  it('refuses an unknown field kind', () => {
    const problems = validateRequestItemDefinition(
      item({ formFields: [{ name: 'x', label: 'X', kind: 'colour' as never, required: false }] }),
    );
    expect(fieldsOf(problems)).toEqual(['formFields.0.kind']);
  });

  it('wants exactly one approver: neither or both is refused', () => {
    const neither = validateRequestItemDefinition(
      item({ approval: { approverUserId: null, approverRole: null, escalateAfterMinutes: 30, escalateToUserId: null } }),
    );
    const both = validateRequestItemDefinition(
      item({ approval: { approverUserId: 'u', approverRole: 'admin', escalateAfterMinutes: 30, escalateToUserId: null } }),
    );
    expect(fieldsOf(neither)).toEqual(['approval']);
    expect(fieldsOf(both)).toEqual(['approval']);
  });

  it('refuses an approval that never escalates, or an unknown role', () => {
    const problems = validateRequestItemDefinition(
      item({ approval: { approverUserId: null, approverRole: 'boss' as never, escalateAfterMinutes: 0, escalateToUserId: null } }),
    );
    expect(fieldsOf(problems)).toEqual(['approval.approverRole', 'approval.escalateAfterMinutes']);
  });

  it('refuses a task without a title, naming its place', () => {
    const problems = validateRequestItemDefinition(
      item({ fulfilmentTasks: [{ title: 'Order', description: '', assigneeId: null, groupId: null }, { title: '', description: '', assigneeId: null, groupId: null }] }),
    );
    expect(fieldsOf(problems)).toEqual(['fulfilmentTasks.1.title']);
  });
});
