import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { createReadStream } from 'node:fs';
import { readSourcePath, type CsvOptions, type SourceRecord } from '../../../libs/domain/migration/index.js';

const REPLACEMENT_CHARACTER = '\uFFFD';

/**
 * Streams a CSV export with a header row, decoded from its encoding: one record per row, quoted multi-line fields
 * included. A row that cannot be parsed (wrong column count, a quote never closed at the end of a truncated file)
 * comes out unreadable with the reason and its raw text (the reject keeps what the operator has to fix), never
 * dropped; so does a row with bytes that are not valid in the encoding. Such rows are of the file's record type.
 */
export async function* readCsvSource(file: string, options: CsvOptions, idPath: string): AsyncGenerator<SourceRecord> {
  if (!iconv.encodingExists(options.encoding)) throw new Error(`Unknown encoding "${options.encoding}".`);
  const skipped: SourceRecord[] = [];
  const parser = createReadStream(file)
    .pipe(iconv.decodeStream(options.encoding))
    .pipe(
      parse({
        columns: true,
        bom: true,
        delimiter: options.delimiter,
        info: true,
        raw: true,
        skip_records_with_error: true,
        on_skip: (error, raw) => {
          if (error) skipped.push(unreadable(options.recordType, Number(error.lines ?? 0), error.message, raw));
        },
      }),
    );
  const records: AsyncIterable<{ record: Record<string, string>; info: { lines: number } }> = parser;
  try {
    for await (const { record, info } of records) {
      // The parser runs ahead of this loop: put the rows it skipped back in file order.
      yield* takeSkippedBefore(skipped, info.lines);
      const fields = Object.fromEntries(Object.entries(record).map(([name, value]) => [name, value === '' ? null : value]));
      const id = readSourcePath(fields, idPath);
      const row: SourceRecord = { type: options.recordType, sourceId: id === null || id === undefined ? `line-${info.lines}` : String(id), fields, line: info.lines };
      if (Object.values(record).some((value) => value.includes(REPLACEMENT_CHARACTER))) {
        row.unreadable = { reason: 'invalid_encoding', detail: `Bytes that are not valid ${options.encoding}; set csv.encoding in the mapping.` };
      }
      yield row;
    }
  } catch (error) {
    // The parser stops at an error it cannot skip (a quote left open by a truncated last line): the rest is one bad row.
    yield* skipped.splice(0);
    yield unreadable(options.recordType, parser.info.lines, (error as Error).message, (error as { raw?: string }).raw);
    return;
  }
  yield* skipped.splice(0);
}

function takeSkippedBefore(skipped: SourceRecord[], line: number): SourceRecord[] {
  const before = skipped.filter((record) => record.line < line);
  skipped.splice(0, skipped.length, ...skipped.filter((record) => record.line >= line));
  return before;
}

function unreadable(type: SourceRecord['type'], line: number, message: string, raw: string | undefined): SourceRecord {
  return { type, sourceId: `line-${line}`, fields: { raw: raw?.replace(/\r?\n$/, '') ?? null }, line, unreadable: { reason: 'malformed_row', detail: message } };
}

/** The header row's column names, for the preflight to check the mapping's columns against. */
export async function readCsvHeader(file: string, options: CsvOptions): Promise<string[]> {
  const rows = createReadStream(file).pipe(iconv.decodeStream(options.encoding)).pipe(parse({ bom: true, delimiter: options.delimiter, to: 1, relax_column_count: true }));
  for await (const row of rows as AsyncIterable<string[]>) return row;
  return [];
}
