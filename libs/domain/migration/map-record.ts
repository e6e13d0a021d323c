import { sourcePathsOf, type FieldRule, type MigrationMapping, type TransformName } from './migration-mapping.js';
import type { ImportedType, MappedRecord, RejectReason, SourceRecord } from './migration-record.js';
import { readSourcePath } from './source-path.js';
import { allowedValues, TARGET_SCHEMA, type TargetField } from './target-schema.js';

/**
 * A failed record still carries the values its other fields mapped to (`values`), so that it is reported in the phase
 * its status puts it in, not in the first ticket phase because an optional date could not be read.
 */
export type MapResult =
  | { ok: true; record: MappedRecord }
  | { ok: false; reason: RejectReason; detail: string; values?: MappedRecord['values'] };

type Value = MappedRecord['values'][string];

const TRANSFORM: Record<TransformName, (value: string) => string> = {
  trim: (value) => value.trim(),
  lowercase: (value) => value.toLowerCase(),
  uppercase: (value) => value.toUpperCase(),
  /** For flags the source states the other way round (Freshdesk's `private` for our `isPublic`). */
  not: (value) => String(!/^(true|1|yes)$/i.test(value)),
};

/** Turns a source record into the target's fields by the mapping, or says why it cannot (the reject's reason). */
export function mapRecord(mapping: MigrationMapping, record: SourceRecord): MapResult {
  if (record.unreadable) return { ok: false, ...record.unreadable };
  if (record.type === 'other') return { ok: false, reason: 'invalid_value', detail: 'Not an importable record type.' };
  const type: ImportedType = record.type;
  const rules = mapping.types[type];
  if (!rules) return { ok: false, reason: 'invalid_value', detail: `The mapping has no rules for ${type}.` };
  const values: Record<string, Value> = {};
  let rejection: { reason: RejectReason; detail: string } | null = null;
  for (const [name, field] of Object.entries(TARGET_SCHEMA[type])) {
    const rule = rules.fields[name];
    const raw = rawValue(record.fields, rule);
    const mapped = raw === null ? null : (rules.values[name]?.[raw] ?? raw);
    const converted = mapped === null ? (rules.defaults[name] ?? null) : rule?.hoursAfter ? hoursLater(values[rule.hoursAfter], mapped) : convert(field, mapped);
    // The first problem is the reject's reason; the other fields are still mapped (the phase needs the status).
    if (converted instanceof Rejection) rejection ??= { reason: converted.reason, detail: `${name}: ${converted.detail}` };
    else if (converted === null && field.required) rejection ??= { reason: 'missing_required', detail: `${name} is empty and has no default.${absentPaths(record.fields, rule)}` };
    else values[name] = converted;
  }
  if (rejection) return { ok: false, ...rejection, values };
  const customFields: Record<string, string> = {};
  for (const [name, path] of Object.entries(rules.customFields)) {
    const value = text(readSourcePath(record.fields, path));
    if (value !== null) customFields[name] = value;
  }
  const updatedAt = values.updatedAt ?? values.createdAt ?? null;
  return {
    ok: true,
    record: { type, sourceId: record.sourceId, values, customFields, sourceUpdatedAt: typeof updatedAt === 'string' ? Date.parse(updatedAt) : null },
  };
}

class Rejection {
  constructor(
    readonly reason: RejectReason,
    readonly detail: string,
  ) {}
}

/** The source's value for a target field as text, after transforms; null when the source has nothing there. */
function rawValue(fields: Record<string, unknown>, rule: FieldRule | undefined): string | null {
  if (!rule) return null;
  let value: string | null;
  if (rule.template !== undefined) {
    const parts = rule.template.replace(/\{([^}]+)\}/g, (_, path: string) => text(readSourcePath(fields, path)) ?? '');
    value = parts.trim() === '' ? null : parts;
  } else {
    const raw = readSourcePath(fields, rule.from!);
    value = Array.isArray(raw) ? raw.map(String).join(',') : text(raw);
  }
  if (value === null) return null;
  for (const transform of rule.transforms) value = TRANSFORM[transform](value);
  return value === '' ? null : value;
}

/** A date given as hours after another date of the record (an export's durations: resolution time in hours). */
function hoursLater(from: Value | undefined, hours: string): Value | Rejection {
  if (typeof from !== 'string') return new Rejection('invalid_date', `counts hours from a date the record does not have.`);
  const amount = Number(hours.trim());
  if (hours.trim() === '' || !Number.isFinite(amount)) return new Rejection('invalid_value', `"${hours}" is not a number of hours.`);
  return new Date(Date.parse(from) + Math.round(amount * 3_600_000)).toISOString();
}

/** Names the source paths of a rule the record does not have at all (a misspelt column), for the reject's detail. */
function absentPaths(fields: Record<string, unknown>, rule: FieldRule | undefined): string {
  const paths = rule ? sourcePathsOf(rule) : [];
  const absent = paths.filter((path) => readSourcePath(fields, path) === undefined);
  return absent.length === 0 ? '' : ` The source has no ${absent.map((path) => `"${path}"`).join(', ')}.`;
}

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const string = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return string.trim() === '' ? null : string;
}

function convert(field: TargetField, value: string): Value | Rejection {
  const allowed = allowedValues(field);
  if (allowed) {
    return allowed.includes(value) ? value : new Rejection('unmapped_value', `"${value}" is not mapped to one of ${allowed.join(', ')}.`);
  }
  switch (field.kind) {
    case 'date': {
      const instant = parseSourceDate(value);
      return instant === null ? new Rejection('invalid_date', `"${value}" is not a date.`) : new Date(instant).toISOString();
    }
    case 'list':
      return value.split(',').map((item) => item.trim()).filter((item) => item !== '');
    case 'boolean':
      if (/^(true|1|yes)$/i.test(value)) return true;
      if (/^(false|0|no)$/i.test(value)) return false;
      return new Rejection('invalid_value', `"${value}" is not true or false.`);
    default:
      return value;
  }
}

/**
 * ISO 8601 and the forms exporters write: a `T` or a space between date and time, optional seconds with any number of
 * fractional digits (`2024-10-30 15:15:11.744884`, kept to the millisecond), an optional `Z` or offset (`+02:00`,
 * `+0200`, `+02`); without one the time is read as UTC, as exports without a zone are. Epoch seconds/milliseconds too.
 */
export function parseSourceDate(value: string): number | null {
  const trimmed = value.trim();
  if (/^\d{10}$/.test(trimmed)) return Number(trimmed) * 1000;
  if (/^\d{13}$/.test(trimmed)) return Number(trimmed);
  const parts = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i.exec(trimmed);
  if (!parts) return null;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone] = parts;
  const milliseconds = Number(fraction.padEnd(3, '0').slice(0, 3));
  const instant = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second, milliseconds);
  const check = new Date(instant);
  // Date.UTC rolls 2024-02-31 over to March: such a date is invalid, not a different day.
  const valid = check.getUTCMonth() === +month - 1 && check.getUTCDate() === +day && +hour < 24 && +minute < 60 && +second < 60;
  return valid ? instant - offsetMinutes(zone) * 60_000 : null;
}

/** `Z`, `+02:00`, `+0200` or `+02` as minutes east of UTC; none is UTC. */
function offsetMinutes(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return zone.startsWith('-') ? -minutes : minutes;
}
