import { LineCounter, parseDocument, isMap, isScalar, type Node } from 'yaml';
import { IMPORTED_TYPES, SOURCE_SYSTEMS, type ImportedType, type SourceSystem } from './migration-record.js';
import { allowedValues, TARGET_SCHEMA } from './target-schema.js';

export const MAPPING_VERSION = 1;
export const TRANSFORMS = ['trim', 'lowercase', 'uppercase', 'not'] as const;
export type TransformName = (typeof TRANSFORMS)[number];

/** Where a target field's value comes from: a source path, or a template of paths in braces (`{Product} – {Category}`). */
export interface FieldRule {
  from?: string;
  template?: string;
  transforms: TransformName[];
  /**
   * For a date field whose source holds a duration in hours rather than a time (`Resolution_Time_Hours`): the date
   * field of the same record it counts from (`solvedAt: { from: Resolution_Time_Hours, hoursAfter: createdAt }`).
   */
  hoursAfter?: string;
}

export interface TypeMapping {
  /** Source path of the record's id. */
  id: string;
  fields: Record<string, FieldRule>;
  /** Per target field: source value → target value (statuses, priorities, channels, …). */
  values: Record<string, Record<string, string>>;
  /** Values for target fields the source leaves empty. */
  defaults: Record<string, string | boolean | string[]>;
  /** Custom field name → source path; kept on the ticket's form fields. */
  customFields: Record<string, string>;
}

export interface CsvOptions {
  recordType: ImportedType;
  encoding: string;
  delimiter: string;
}

/** A versioned mapping file: how one source's records become the help desk's. */
export interface MigrationMapping {
  version: number;
  source: SourceSystem;
  csv: CsvOptions | null;
  types: Partial<Record<ImportedType, TypeMapping>>;
}

/** A problem in the mapping, with the line of the file to fix (1-based; the nearest enclosing entry when it is missing). */
export interface MappingIssue {
  line: number;
  path: string;
  message: string;
}

export interface ParsedMapping {
  mapping: MigrationMapping | null;
  issues: MappingIssue[];
  /** The line of a path in the file, for issues found later (unmapped source values). */
  lineOf(path: Array<string | number>): number;
}

/**
 * Parses a mapping file (YAML, or JSON — a subset of YAML, so one parser gives both their line numbers) and checks it
 * against the target schema: unknown types and fields, missing required fields, value maps onto values the target
 * does not accept, unknown transforms.
 */
export function parseMapping(text: string): ParsedMapping {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const lineOfNode = (node: Node | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : 1);
  /** The line of the key that names the entry (`status:`), or of the nearest enclosing entry that exists. */
  const lineOf = (path: Array<string | number>): number => {
    for (let length = path.length; length > 0; length--) {
      const parent = length === 1 ? doc.contents : doc.getIn(path.slice(0, length - 1), true);
      const pair = isMap(parent) ? parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(path[length - 1])) : undefined;
      if (pair && isScalar(pair.key)) return lineOfNode(pair.key);
    }
    return 1;
  };
  const issues: MappingIssue[] = [];
  const issue = (path: Array<string | number>, message: string) => issues.push({ line: lineOf(path), path: path.join('.'), message });

  if (doc.errors.length > 0) {
    return {
      mapping: null,
      issues: doc.errors.map((error) => ({ line: error.linePos?.[0].line ?? 1, path: '', message: error.message.split('\n')[0] })),
      lineOf,
    };
  }
  if (!isMap(doc.contents)) {
    return { mapping: null, issues: [{ line: 1, path: '', message: 'The mapping must be an object with version, source and types.' }], lineOf };
  }
  const raw = doc.toJS() as Record<string, unknown>;

  if (raw.version !== MAPPING_VERSION) issue(['version'], `version must be ${MAPPING_VERSION}.`);
  const source = raw.source as SourceSystem;
  if (!SOURCE_SYSTEMS.includes(source)) issue(['source'], `source must be one of ${SOURCE_SYSTEMS.join(', ')}.`);

  let csv: CsvOptions | null = null;
  if (source === 'csv') {
    const options = asObject(raw.csv);
    const recordType = options.recordType as ImportedType;
    if (!IMPORTED_TYPES.includes(recordType)) issue(['csv', 'recordType'], `csv.recordType must be one of ${IMPORTED_TYPES.join(', ')}.`);
    csv = { recordType, encoding: stringOr(options.encoding, 'utf8'), delimiter: stringOr(options.delimiter, ',') };
  }

  const types: Partial<Record<ImportedType, TypeMapping>> = {};
  const rawTypes = asObject(raw.types);
  if (Object.keys(rawTypes).length === 0) issue(['types'], 'types must map at least one record type.');
  for (const [typeName, rawType] of Object.entries(rawTypes)) {
    if (!IMPORTED_TYPES.includes(typeName as ImportedType)) {
      issue(['types', typeName], `Unknown record type "${typeName}"; the types are ${IMPORTED_TYPES.join(', ')}.`);
      continue;
    }
    types[typeName as ImportedType] = checkTypeMapping(typeName as ImportedType, asObject(rawType), (path, message) => issue(['types', typeName, ...path], message));
  }
  return { mapping: issues.length === 0 ? { version: MAPPING_VERSION, source, csv, types } : null, issues, lineOf };
}

function checkTypeMapping(type: ImportedType, raw: Record<string, unknown>, issue: (path: string[], message: string) => void): TypeMapping {
  const schema = TARGET_SCHEMA[type];
  if (typeof raw.id !== 'string' || raw.id === '') issue(['id'], 'id must name the source field holding the record id.');
  const fields: Record<string, FieldRule> = {};
  for (const [target, rawRule] of Object.entries(asObject(raw.fields))) {
    if (!(target in schema)) {
      issue(['fields', target], `Unknown field "${target}" for ${type}; its fields are ${Object.keys(schema).join(', ')}.`);
      continue;
    }
    const rule = fieldRule(rawRule);
    if (!rule) {
      issue(['fields', target], `fields.${target} must be a source path or { from | template, transform }.`);
      continue;
    }
    for (const transform of rule.transforms) {
      if (!TRANSFORMS.includes(transform)) issue(['fields', target, 'transform'], `Unknown transform "${transform}"; the transforms are ${TRANSFORMS.join(', ')}.`);
    }
    if (rule.hoursAfter !== undefined) {
      const dates = Object.keys(schema).filter((name) => schema[name].kind === 'date');
      // Fields are mapped in schema order: the field counted from must come first (createdAt always does).
      const earlier = dates.slice(0, dates.indexOf(target));
      if (schema[target].kind !== 'date' || !earlier.includes(rule.hoursAfter)) {
        issue(['fields', target, 'hoursAfter'], `fields.${target}.hoursAfter must name a date field mapped before it: ${earlier.join(', ') || 'none'}.`);
      }
    }
    fields[target] = rule;
  }
  const values: Record<string, Record<string, string>> = {};
  for (const [target, rawValues] of Object.entries(asObject(raw.values))) {
    const allowed = target in schema ? allowedValues(schema[target]) : null;
    if (!allowed) {
      issue(['values', target], `values.${target}: only fields with a fixed set of values take a value map.`);
      continue;
    }
    values[target] = {};
    for (const [from, to] of Object.entries(asObject(rawValues))) {
      if (!allowed.includes(String(to))) issue(['values', target, from], `"${String(to)}" is not a ${target}; use one of ${allowed.join(', ')}.`);
      values[target][from] = String(to);
    }
  }
  const defaults = asObject(raw.defaults) as TypeMapping['defaults'];
  for (const [target, value] of Object.entries(defaults)) {
    const allowed = target in schema ? allowedValues(schema[target]) : null;
    if (!(target in schema)) issue(['defaults', target], `Unknown field "${target}" for ${type}.`);
    else if (allowed && !allowed.includes(String(value))) issue(['defaults', target], `"${String(value)}" is not a ${target}; use one of ${allowed.join(', ')}.`);
  }
  for (const [name, field] of Object.entries(schema)) {
    if (field.required && !(name in fields) && !(name in defaults)) {
      issue(['fields'], `Required field "${name}" of ${type} has neither a source field nor a default.`);
    }
  }
  const customFields = Object.fromEntries(Object.entries(asObject(raw.customFields)).map(([name, path]) => [name, String(path)]));
  return { id: String(raw.id ?? ''), fields, values, defaults, customFields };
}

/** The source paths a rule reads: its `from`, or every `{path}` of its template. */
export function sourcePathsOf(rule: FieldRule): string[] {
  if (rule.template === undefined) return rule.from === undefined ? [] : [rule.from];
  return [...rule.template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
}

function fieldRule(raw: unknown): FieldRule | null {
  if (typeof raw === 'string' && raw !== '') return { from: raw, transforms: [] };
  if (typeof raw !== 'object' || raw === null) return null;
  const { from, template, transform, hoursAfter } = raw as Record<string, unknown>;
  if (typeof from !== 'string' && typeof template !== 'string') return null;
  const transforms = (transform === undefined ? [] : Array.isArray(transform) ? transform : [transform]).map(String) as TransformName[];
  return {
    from: typeof from === 'string' ? from : undefined,
    template: typeof template === 'string' ? template : undefined,
    transforms,
    ...(hoursAfter === undefined ? {} : { hoursAfter: String(hoursAfter) }),
  };
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' && value !== '' ? value : fallback;
}
