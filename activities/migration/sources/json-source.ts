import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { createInterface } from 'node:readline';
import type { RecordType, SourceRecord } from '../../../libs/domain/migration/index.js';

/** Which record type an object of a stream (`tickets`, `users`, …) is, by the source system's conventions. */
export type StreamClassifier = (stream: string, data: Record<string, unknown>) => RecordType;

/**
 * Reads API objects exported as JSON or NDJSON, the shapes Zendesk and Freshdesk exports come in:
 * - NDJSON (`.ndjson`, `.jsonl`): one object per line, either `{"stream": "tickets", "data": {...}}` or the object
 *   itself, its stream named by the file (`tickets.ndjson`). Streamed line by line.
 * - JSON: `{"tickets": [...], "users": [...]}`, or an array whose stream is named by the file (`tickets.json`).
 *   Read whole: exports too big for memory should be NDJSON.
 * A line that is not JSON (a truncated last line) comes out unreadable with its line number.
 */
export async function* readJsonSource(file: string, classify: StreamClassifier): AsyncGenerator<SourceRecord> {
  const fileStream = basename(file, extname(file));
  if (['.ndjson', '.jsonl'].includes(extname(file))) {
    let line = 0;
    for await (const text of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
      line += 1;
      if (text.trim() === '') continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        // Its stream is unknown (the line is not JSON): kept as raw text, so the reject shows what to fix.
        yield { type: 'other', sourceId: `line-${line}`, fields: { raw: text }, line, unreadable: { reason: 'malformed_row', detail: (error as Error).message } };
        continue;
      }
      const object = isObject(parsed) ? parsed : { value: parsed };
      const wrapped = typeof object.stream === 'string' && isObject(object.data);
      yield record(wrapped ? String(object.stream) : fileStream, wrapped ? (object.data as Record<string, unknown>) : object, line, classify);
    }
    return;
  }
  const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
  const streams: Array<[string, unknown]> = Array.isArray(parsed) ? [[fileStream, parsed]] : Object.entries(isObject(parsed) ? parsed : {});
  for (const [stream, items] of streams) {
    if (!Array.isArray(items)) continue;
    for (const [index, item] of items.entries()) yield record(stream, isObject(item) ? item : { value: item }, index + 1, classify);
  }
}

function record(stream: string, data: Record<string, unknown>, line: number, classify: StreamClassifier): SourceRecord {
  return { type: classify(stream, data), sourceId: String(data.id ?? `line-${line}`), fields: data, line, stream };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
