import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from './embedded-postgres.js';

// As root the server runs as the `postgres` user; a folder it cannot enter must be named, not left to initdb's EACCES.
const asRoot = process.getuid?.() === 0 ? it : it.skip;

describe('startEmbeddedPostgres', () => {
  asRoot('names the folder the postgres user cannot enter, and how to allow it', async () => {
    const closed = mkdtempSync(join(tmpdir(), 'closed-')); // mode 700, like `mktemp -d`
    try {
      mkdirSync(join(closed, 'project'));
      await expect(startEmbeddedPostgres({ dataDir: join(closed, 'project', 'postgres'), port: 1, persistent: false })).rejects.toThrow(
        `cannot enter ${closed} (mode 700). Allow it with \`chmod o+x ${closed}\``,
      );
    } finally {
      rmSync(closed, { recursive: true, force: true });
    }
  });
});
