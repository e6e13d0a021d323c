import { once } from 'node:events';
import { ATTACHMENT_SLICE_BYTES, attachmentContentStream } from './attachment-content.js';

/** A stand-in for PostgreSQL over one stored value (`substring(content FROM $2 FOR $3)`, else all of it), counting what it hands out. */
function fakeDatabase(content: Buffer) {
  const calls: Array<[number, number]> = [];
  let bytesRead = 0;
  return {
    calls,
    bytesRead: () => bytesRead,
    query: async (sql: string, [, from, length]: [string, number, number]) => {
      calls.push([from, length]);
      const slice = sql.includes('substring') ? content.subarray(from - 1, from - 1 + length) : content;
      bytesRead += slice.length;
      return [{ slice, content }];
    },
  };
}

describe('attachmentContentStream', () => {
  const content = Buffer.from(Array.from({ length: ATTACHMENT_SLICE_BYTES * 10 + 123 }, (_, i) => i % 251));

  it('yields every byte, one slice per query', async () => {
    const db = fakeDatabase(content);
    const chunks: Buffer[] = [];
    for await (const chunk of attachmentContentStream(db as never, 'a', content.length)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(content)).toBe(true);
    expect(db.calls).toHaveLength(11);
    expect(db.calls.every(([, length]) => length === ATTACHMENT_SLICE_BYTES)).toBe(true);
  });

  it('reads no further ahead than the reader takes (not the whole file at once)', async () => {
    const db = fakeDatabase(content);
    const stream = attachmentContentStream(db as never, 'a', content.length);
    stream.once('data', () => stream.pause());
    await once(stream, 'pause');
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The slice handed over and at most one more to fill the buffer: 2 of 11.
    expect(db.bytesRead()).toBeLessThanOrEqual(2 * ATTACHMENT_SLICE_BYTES);
    stream.destroy();
  });

  it('fails the stream when the stored value is shorter than recorded', async () => {
    const db = fakeDatabase(content.subarray(0, 10));
    const read = async () => {
      for await (const chunk of attachmentContentStream(db as never, 'a', 20)) expect(chunk).toBeInstanceOf(Buffer);
    };
    await expect(read()).rejects.toThrow('ended at byte 10 of 20');
  });
});
