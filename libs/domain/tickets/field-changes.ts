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
