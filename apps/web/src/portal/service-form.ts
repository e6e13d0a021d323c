import type { FormFieldKind } from '../gql/schema-types';

/** A catalog item's form field, as the portal's catalog lists it. */
export interface CatalogFormField {
  name: string;
  label: string;
  kind: FormFieldKind;
  required: boolean;
  choices: string[];
}

/** What the customer has typed or chosen, by field name. */
export type FormValues = Record<string, string>;

/** Every field of the form, empty: a choice starts unchosen, so a required one is a decision, not a default. */
export function blankFormValues(fields: readonly CatalogFormField[]): FormValues {
  return Object.fromEntries(fields.map((field) => [field.name, '']));
}

/** The values to submit, in the form's order; blanks too, so the API names a required one left empty. */
export function formValuesInput(fields: readonly CatalogFormField[], values: FormValues): Array<{ name: string; value: string }> {
  return fields.map((field) => ({ name: field.name, value: values[field.name] ?? '' }));
}

/**
 * The API's field messages split between the form's own fields (named `values.<name>`) and the request's fields
 * (requesterEmail, …), so each shows beside its control. A form field's message loses its "values.<name>: " lead:
 * beside the field, the customer reads the label already.
 */
export function splitFieldErrors(problems: Record<string, string>): { values: Record<string, string>; request: Record<string, string> } {
  const values: Record<string, string> = {};
  const request: Record<string, string> = {};
  for (const [field, message] of Object.entries(problems)) {
    if (!field.startsWith('values.')) request[field] = message;
    else values[field.slice('values.'.length)] = message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
  }
  return { values, request };
}

/** The HTML input type of a field kind (a choice is a select, not an input). */
export function inputTypeOf(kind: Exclude<FormFieldKind, 'CHOICE'>): 'text' | 'date' | 'number' {
  return kind === 'DATE' ? 'date' : kind === 'NUMBER' ? 'number' : 'text';
}
