/** A record's fields as "name: value" rows for the sample table. */
export type FieldRow = [name: string, value: string];

/**
 * The fields of a sample's source record or mapped result, flattened: nested objects by dotted names, lists joined,
 * an empty value shown as a dash. A mapped result (`{ values, customFields, … }`) shows its target fields, then its
 * custom fields as "custom: name"; its bookkeeping (type, source id, update time) is in the record column already.
 */
export function sampleFields(record: unknown): FieldRow[] {
  if (!record || typeof record !== 'object') return [];
  const object = record as Record<string, unknown>;
  if (object.values && typeof object.values === 'object') {
    const custom = Object.entries((object.customFields ?? {}) as Record<string, unknown>).map(([name, value]): [string, unknown] => [`custom: ${name}`, value]);
    return flatten([...Object.entries(object.values as Record<string, unknown>), ...custom]);
  }
  return flatten(Object.entries(object));
}

function flatten(entries: Array<[string, unknown]>, prefix = ''): FieldRow[] {
  return entries.flatMap(([name, value]): FieldRow[] => {
    const key = `${prefix}${name}`;
    if (value && typeof value === 'object' && !Array.isArray(value)) return flatten(Object.entries(value), `${key}.`);
    return [[key, readable(value)]];
  });
}

function readable(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(readable).join(', ');
  return String(value);
}
