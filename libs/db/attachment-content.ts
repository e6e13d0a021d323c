import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';

/** How much of an attachment one query reads: the memory a download or an outgoing mail holds per file. */
export const ATTACHMENT_SLICE_BYTES = 256 * 1024;

/**
 * An attachment's bytes as a stream, read one slice per query (`substring` on the bytea, whose storage is EXTERNAL so
 * PostgreSQL fetches only that slice's TOAST chunks), and only as fast as the reader takes them. Why not one query
 * or a cursor: one query buffers the whole file in memory; a cursor would pin a pool connection (and a transaction)
 * for as long as the slowest client takes to download, while a slice query holds one for a moment.
 */
export function attachmentContentStream(db: Pick<DataSource, 'query'>, attachmentId: string, sizeBytes: number): Readable {
  let offset = 0;
  return new Readable({
    highWaterMark: ATTACHMENT_SLICE_BYTES,
    read() {
      if (offset >= sizeBytes) {
        this.push(null);
        return;
      }
      db.query<Array<{ slice: Buffer }>>('SELECT substring(content FROM $2 FOR $3) AS slice FROM email_attachments WHERE id = $1', [
        attachmentId,
        offset + 1, // substring counts from 1
        ATTACHMENT_SLICE_BYTES,
      ]).then(
        ([row]) => {
          if (!row || row.slice.length === 0) {
            this.destroy(new Error(`Attachment ${attachmentId} ended at byte ${offset} of ${sizeBytes}.`));
            return;
          }
          offset += row.slice.length;
          this.push(row.slice);
        },
        (error: Error) => this.destroy(error),
      );
    },
  });
}
