import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export type CopyValue = string | number | boolean | Date | string[] | Record<string, unknown> | null;

/**
 * Bulk-loads rows with PostgreSQL's `COPY ... FROM STDIN` (CSV format), the fast path for many rows at once: values
 * are encoded as PostgreSQL reads them (arrays as array literals, objects as JSON, null as an unquoted empty field).
 */
export async function copyRows(client: pg.PoolClient, table: string, columns: readonly string[], rows: Iterable<CopyValue[]>): Promise<void> {
  const lines = function* () {
    for (const row of rows) yield `${row.map(csvField).join(',')}\n`;
  };
  await pipeline(Readable.from(lines()), client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`)));
}

function csvField(value: CopyValue): string {
  if (value === null) return '';
  return `"${text(value).replace(/"/g, '""')}"`;
}

function text(value: Exclude<CopyValue, null>): string {
  if (Array.isArray(value)) return `{${value.map((item) => `"${item.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
