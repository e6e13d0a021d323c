import type { FieldRule, MigrationMapping, TransformName } from './migration-mapping.js';
import type { ImportedType, MappedRecord, RejectReason, SourceRecord } from './migration-record.js';
import { readSourcePath } from './source-path.js';
import { allowedValues, TARGET_SCHEMA, type TargetField } from './target-schema.js';

export type MapResult = { ok: true; record: MappedRecord } | { ok: false; reason: RejectReason; detail: string };

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
  for (const [name, field] of Object.entries(TARGET_SCHEMA[type])) {
    const raw = rawValue(record.fields, rules.fields[name]);
    const mapped = raw === null ? null : (rules.values[name]?.[raw] ?? raw);
    const converted = mapped === null ? (rules.defaults[name] ?? null) : convert(field, mapped);
    if (converted instanceof Rejection) return { ok: false, reason: converted.reason, detail: `${name}: ${converted.detail}` };
    if (converted === null && field.required) return { ok: false, reason: 'missing_required', detail: `${name} is empty and has no default.` };
    values[name] = converted;
  }
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

/** ISO 8601, `YYYY-MM-DD HH:MM[:SS]` (read as UTC, as exports without a zone are), or epoch seconds/milliseconds. */
export function parseSourceDate(value: string): number | null {
  const trimmed = value.trim();
  if (/^\d{10}$/.test(trimmed)) return Number(trimmed) * 1000;
  if (/^\d{13}$/.test(trimmed)) return Number(trimmed);
  const plain = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(trimmed);
  if (plain) {
    const [, year, month, day, hour = '0', minute = '0', second = '0'] = plain;
    const instant = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second);
    const check = new Date(instant);
    // Date.UTC rolls 2024-02-31 over to March: such a date is invalid, not a different day.
    return check.getUTCMonth() === +month - 1 && check.getUTCDate() === +day && +hour < 24 && +minute < 60 && +second < 60 ? instant : null;
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(trimmed)) return null;
  const instant = Date.parse(trimmed);
  return Number.isNaN(instant) ? null : instant;
}
