import { isCalendarDate } from '../calendar/calendar-validation.js';

// One reading of a typed value, for every form that has typed fields: a service request item's form (catalog) and the
// custom ticket fields admins define. Each caller decides what blank, unknown and too long mean for its form.

export type TypedValueKind = 'text' | 'choice' | 'number' | 'date' | 'checkbox';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * A value typed into a field of this kind (trimmed, not blank): text as it is, a choice in its listed spelling
 * (matched ignoring case), a number as a number (plain decimal notation only), a date written YYYY-MM-DD that exists,
 * a checkbox as "true" or "false"; or why it does not fit, worded with the field's label.
 */
export function readTypedValue(
  kind: TypedValueKind,
  label: string,
  raw: string,
  choices: readonly string[] = [],
): string | number | { problem: string } {
  switch (kind) {
    case 'text':
      return raw;
    case 'choice': {
      const choice = choices.find((listed) => listed.toLowerCase() === raw.toLowerCase());
      return choice ?? { problem: `${label} must be one of ${choices.map((c) => `"${c}"`).join(', ')}; got "${raw}".` };
    }
    case 'number': {
      const number = Number(raw);
      return NUMBER.test(raw) && Number.isFinite(number) ? number : { problem: `${label} must be a number; got "${raw}".` };
    }
    case 'date':
      return isCalendarDate(raw) ? raw : { problem: `${label} must be a date written YYYY-MM-DD that exists; got "${raw}".` };
    case 'checkbox': {
      const checked = raw.toLowerCase();
      return checked === 'true' || checked === 'false' ? checked : { problem: `${label} must be true or false; got "${raw}".` };
    }
  }
}
