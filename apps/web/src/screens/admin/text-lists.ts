/** A comma-separated entry ("billing, refunds") as the list the API takes: trimmed, without empties or repeats. */
export function parseList(text: string): string[] {
  return [...new Set(text.split(',').map((item) => item.trim()).filter((item) => item.length > 0))];
}

/** The list back as the text a person edits. */
export function formatList(items: readonly string[]): string {
  return items.join(', ');
}

/** Toggles one value in a list (a checkbox group's state), keeping the order it was chosen in. */
export function toggled<T>(items: readonly T[], value: T, on: boolean): T[] {
  const without = items.filter((item) => item !== value);
  return on ? [...without, value] : without;
}
