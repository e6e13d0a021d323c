import { basename, extname } from 'node:path';

/** The export formats the migration sources read (CSV, JSON, NDJSON): the reader picks the format by extension. */
export const EXPORT_FILE_EXTENSIONS = ['.csv', '.json', '.ndjson', '.jsonl'] as const;

const LONGEST_NAME = 120;

export function isExportFileName(name: string): boolean {
  return (EXPORT_FILE_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());
}

/**
 * A name safe to store an uploaded file under in its upload folder: the client's name without folders (either kind of
 * slash), only letters, digits, dots, dashes and underscores, no leading dot, its extension kept (lower-cased) and at
 * most 120 characters; a name already `taken` in the folder gets "-2", "-3", … before its extension.
 */
export function safeExportFileName(clientName: string, taken: ReadonlySet<string>): string {
  const lastPart = basename(clientName.replaceAll('\\', '/'));
  const extension = extname(lastPart).toLowerCase().replace(/[^a-z0-9.]/g, '');
  const stem = lastPart
    .slice(0, lastPart.length - extname(lastPart).length)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents off their letters: "März" becomes "Marz"
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, LONGEST_NAME - extension.length - 4);
  const base = stem || 'export';
  for (let copy = 1; ; copy++) {
    const name = copy === 1 ? `${base}${extension}` : `${base}-${copy}${extension}`;
    if (!taken.has(name)) return name;
  }
}
