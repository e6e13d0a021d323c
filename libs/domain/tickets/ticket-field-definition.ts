import { readTypedValue } from '../forms/typed-value.js';
import { TICKET_LIMITS } from './ticket-fields.js';

// Custom ticket fields an admin defines (issue 15): the name is the key in a ticket's `fields` map; the kind says
// which values fit. Names nobody defined stay free-form (imports and older clients keep working).

export const TICKET_FIELD_KINDS = ['text', 'choice', 'number', 'date', 'checkbox'] as const;
export type TicketFieldKind = (typeof TICKET_FIELD_KINDS)[number];

/** What an admin writes; `allowedValues` only for a choice field. */
export interface TicketFieldDefinitionDraft {
  name: string;
  label: string;
  kind: TicketFieldKind;
  allowedValues: string[];
}

export interface TicketFieldDefinition extends TicketFieldDefinitionDraft {
  /** An inactive field can no longer be set (tickets keep the values they have). */
  active: boolean;
}

/** What is wrong, and where: `field` is the input's path as the API names it (e.g. `allowedValues`, `fields.product`). */
export interface TicketFieldProblem {
  field: string;
  message: string;
}

export const TICKET_FIELD_DEFINITION_LIMITS = {
  labelMaxLength: 100,
  maxAllowedValues: 100,
} as const;

/** Everything wrong with a definition, each naming its input field; empty when it can be saved. */
export function validateTicketFieldDefinition(draft: TicketFieldDefinitionDraft): TicketFieldProblem[] {
  return [...nameProblems(draft.name), ...labelProblems(draft.label), ...allowedValueProblems(draft.kind, draft.allowedValues)];
}

function nameProblems(name: string): TicketFieldProblem[] {
  const problem = (message: string) => [{ field: 'name', message: `name: ${message}` }];
  if (name.trim() === '') return problem('a field needs a name (the key its value is stored under, e.g. "product").');
  if (name !== name.trim()) return problem(`"${name}" must not start or end with spaces.`);
  if (name.length > TICKET_LIMITS.formFieldMaxLength) return problem(`must be at most ${TICKET_LIMITS.formFieldMaxLength} characters.`);
  return [];
}

function labelProblems(label: string): TicketFieldProblem[] {
  if (label.trim() === '') return [{ field: 'label', message: 'label: a field needs a label to show on forms.' }];
  if (label.length > TICKET_FIELD_DEFINITION_LIMITS.labelMaxLength) {
    return [{ field: 'label', message: `label: must be at most ${TICKET_FIELD_DEFINITION_LIMITS.labelMaxLength} characters.` }];
  }
  return [];
}

function allowedValueProblems(kind: TicketFieldKind, values: string[]): TicketFieldProblem[] {
  const problem = (message: string) => [{ field: 'allowedValues', message: `allowedValues: ${message}` }];
  if (kind !== 'choice') return values.length === 0 ? [] : problem(`only a choice field has allowed values; a ${kind} field has none.`);
  if (values.length === 0) return problem('a choice field needs at least one allowed value.');
  if (values.length > TICKET_FIELD_DEFINITION_LIMITS.maxAllowedValues) {
    return problem(`at most ${TICKET_FIELD_DEFINITION_LIMITS.maxAllowedValues} values; got ${values.length}.`);
  }
  const problems: TicketFieldProblem[] = [];
  const seen = new Set<string>();
  for (const value of values) {
    if (value.trim() === '' || value !== value.trim()) problems.push(...problem(`"${value}" must not be blank nor start or end with spaces.`));
    else if (value.length > TICKET_LIMITS.formFieldMaxLength) problems.push(...problem(`"${value}" is longer than ${TICKET_LIMITS.formFieldMaxLength} characters.`));
    else if (seen.has(value.toLowerCase())) problems.push(...problem(`"${value}" is listed twice (values are compared ignoring case).`));
    seen.add(value.toLowerCase());
  }
  return problems;
}

export type TicketFieldChangesCheck<V extends string | null> = { ok: true; changes: Record<string, V> } | { ok: false; problems: TicketFieldProblem[] };

/**
 * Field changes an agent asks for (a null value removes the field) against the definitions: a defined field's value
 * must fit its kind, and an inactive one can no longer be set. Returns the changes normalized (a defined field under
 * its defined name, its value in one spelling), or every problem, each naming `fields.<name>`. Names no definition
 * has pass unchanged.
 */
export function checkTicketFieldChanges<V extends string | null>(
  definitions: readonly TicketFieldDefinition[],
  changes: Record<string, V>,
): TicketFieldChangesCheck<V> {
  const byName = new Map(definitions.map((definition) => [definition.name.toLowerCase(), definition]));
  const problems: TicketFieldProblem[] = [];
  // A value stays a value and a removal a removal: only names and spellings change.
  const normalized: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(changes)) {
    const definition = byName.get(name.toLowerCase());
    if (!definition) {
      normalized[name] = value;
      continue;
    }
    const field = `fields.${definition.name}`;
    if (value === null) normalized[definition.name] = null;
    else if (!definition.active) problems.push({ field, message: `${field}: ${definition.label} is no longer in use; it cannot be set.` });
    else {
      const checked = ticketFieldValue(definition, value);
      if (typeof checked === 'string') normalized[definition.name] = checked;
      else problems.push({ field, message: `${field}: ${checked.problem}` });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, changes: normalized as Record<string, V> };
}

/** One value against its field's kind: the value in its one spelling (a number written as JavaScript writes it), or why it does not fit. */
export function ticketFieldValue(definition: TicketFieldDefinitionDraft, value: string): string | { problem: string } {
  const raw = value.trim();
  if (raw === '') return { problem: `${definition.label} must not be blank; remove the field instead (value null).` };
  const read = readTypedValue(definition.kind, definition.label, raw, definition.allowedValues);
  return typeof read === 'number' ? String(read) : read;
}

/**
 * What a routing rule's or SLA policy's field condition lists for a choice field that no ticket can hold (a choice is
 * stored in its defined spelling): one sentence per value. Fields nobody defined, and other kinds, are not judged.
 */
export function impossibleChoiceValues(
  definitions: readonly TicketFieldDefinitionDraft[],
  conditions: ReadonlyArray<{ name: string; values: readonly string[] }>,
): string[] {
  const problems: string[] = [];
  for (const { name, values } of conditions) {
    const definition = definitions.find((d) => d.kind === 'choice' && d.name.toLowerCase() === name.toLowerCase());
    if (!definition) continue;
    const allowed = definition.allowedValues.map((v) => `"${v}"`).join(', ');
    for (const value of values.filter((v) => !definition.allowedValues.includes(v))) {
      problems.push(`the field "${definition.name}" never holds "${value}"; its values are ${allowed}.`);
    }
  }
  return problems;
}
