import { readTypedValue } from '../forms/typed-value.js';
import { CATALOG_LIMITS, type CatalogProblem, type FormField, type RequestValues } from './catalog-item.js';

export interface SubmittedValue {
  name: string;
  value: string;
}

export type RequestValuesCheck = { ok: true; values: RequestValues } | { ok: false; problems: CatalogProblem[] };

/**
 * A requester's form against the item's fields: every required field present and not blank, a number that parses, a
 * date that is YYYY-MM-DD and exists, a choice that is one of the choices (in its listed spelling), no field the form does not have (nor one
 * twice). Returns the normalized values (an optional field left blank is left out), or every problem, each naming its
 * field as `values.<fieldName>`.
 */
export function checkRequestValues(fields: readonly FormField[], submitted: readonly SubmittedValue[]): RequestValuesCheck {
  const problems: CatalogProblem[] = [];
  const given = new Map<string, string>();
  for (const { name, value } of submitted) {
    const field = `values.${name}`;
    if (!fields.some((f) => f.name === name)) problems.push({ field, message: `${field}: the form has no field "${name}".` });
    else if (given.has(name)) problems.push({ field, message: `${field}: "${name}" is given twice; give it once.` });
    else given.set(name, value);
  }
  const values: RequestValues = {};
  for (const formField of fields) {
    const field = `values.${formField.name}`;
    const raw = given.get(formField.name)?.trim() ?? '';
    if (raw === '') {
      if (formField.required) problems.push({ field, message: `${field}: ${formField.label} is required.` });
      continue;
    }
    const parsed = parseValue(formField, raw);
    if (typeof parsed === 'object') problems.push({ field, message: `${field}: ${parsed.problem}` });
    else values[formField.name] = parsed;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values };
}

function parseValue(field: FormField, raw: string): string | number | { problem: string } {
  if (raw.length > CATALOG_LIMITS.valueMaxLength) return { problem: `${field.label} must be at most ${CATALOG_LIMITS.valueMaxLength} characters.` };
  return readTypedValue(field.kind, field.label, raw, field.choices ?? []);
}
