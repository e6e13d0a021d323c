/**
 * A CSV field, quoted when it holds a separator, a quote or a line break. Text that a spreadsheet would run as a
 * formula (a group named `=HYPERLINK(…)` by an import) is written with a leading apostrophe; numbers are left as they are.
 */
export function csvField(value: string | number | null): string {
  const text = value === null ? '' : typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
