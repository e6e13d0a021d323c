import { sourcePathsOf, type MappingIssue, type ParsedMapping } from './migration-mapping.js';

/**
 * The columns a CSV mapping reads that the file's header does not have (a misspelt `priority: priorty`), each with the
 * mapping line that names it. Every row would lack them, so the preflight stops the run until the mapping is fixed.
 */
export function missingCsvColumns(parsed: ParsedMapping, header: readonly string[], file: string): MappingIssue[] {
  const recordType = parsed.mapping?.csv?.recordType;
  const rules = recordType ? parsed.mapping?.types[recordType] : undefined;
  if (!recordType || !rules) return [];
  const columns = new Set(header);
  const reads: Array<{ path: Array<string>; column: string }> = [
    { path: ['types', recordType, 'id'], column: rules.id },
    ...Object.entries(rules.fields).flatMap(([name, rule]) => sourcePathsOf(rule).map((column) => ({ path: ['types', recordType, 'fields', name], column }))),
    ...Object.entries(rules.customFields).map(([name, column]) => ({ path: ['types', recordType, 'customFields', name], column })),
  ];
  return reads
    .filter(({ column }) => !columns.has(column))
    .map(({ path, column }) => ({
      line: parsed.lineOf(path),
      path: path.join('.'),
      message: `${path.slice(2).join('.')} reads column "${column}", which ${file} does not have (its columns: ${header.join(', ')}).`,
    }));
}
