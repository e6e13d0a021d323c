/**
 * Reads a value from a source record by a path: `via.channel`, `custom_fields[id=360011].value` (the element of an
 * array whose `id` is 360011), or a plain column name of a CSV row (which may contain spaces or dots: tried first).
 */
export function readSourcePath(fields: Record<string, unknown>, path: string): unknown {
  if (path in fields) return fields[path];
  let current: unknown = fields;
  for (const segment of path.split('.')) {
    const selector = /^(.+)\[(\w+)=([^\]]*)\]$/.exec(segment);
    if (selector) {
      const [, name, key, wanted] = selector;
      const list = objectField(current, name);
      current = Array.isArray(list) ? list.find((item) => String(objectField(item, key)) === wanted) : undefined;
    } else {
      current = objectField(current, segment);
    }
    if (current === undefined || current === null) return current;
  }
  return current;
}

function objectField(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}
