/** One custom field's change on the timeline: `from` null when it was added, `to` null when it was removed. */
export interface FieldChange {
  from: string | null;
  to: string | null;
}

/** The fields whose value differs between two maps, by name (empty: nothing changed). */
export function fieldChanges(before: Record<string, string>, after: Record<string, string>): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const name of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    const from = before[name] ?? null;
    const to = after[name] ?? null;
    if (from !== to) changes[name] = { from, to };
  }
  return changes;
}

/** The map after setting the given fields and removing those given as null. */
export function withFieldChanges(fields: Record<string, string>, changes: Record<string, string | null>): Record<string, string> {
  const next = { ...fields };
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) delete next[name];
    else next[name] = value;
  }
  return next;
}
