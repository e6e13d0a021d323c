import type { DataSource } from 'typeorm';

/** One statement that puts a dropped constraint or index back, as pg_get_constraintdef / pg_get_indexdef state it. */
interface Definition {
  table: string;
  name: string;
  kind: 'p' | 'u' | 'f' | 'index';
  definition: string;
}

export interface StrippedTables {
  /** Recreates every dropped key, index and foreign key exactly as the migrations made them; returns ms per kind. */
  restore(): Promise<{ keysAndIndexesMs: number; foreignKeysMs: number }>;
  dropped: number;
}

/**
 * Drops the primary keys, unique constraints, indexes and foreign keys of `tables` (and the foreign keys of other
 * tables that point at them), so a bulk COPY writes bare heaps; `restore` then builds them once, as a bulk import
 * would. Their definitions are read from the catalog first, so what comes back is exactly what the migrations created.
 */
export async function stripTablesForBulkLoad(dataSource: DataSource, tables: string[]): Promise<StrippedTables> {
  const constraints = await dataSource.query<Definition[]>(
    `SELECT conrelid::regclass::text AS "table", quote_ident(conname) AS name, contype AS kind, pg_get_constraintdef(oid) AS definition
       FROM pg_constraint
      WHERE contype IN ('p','u','f') AND (conrelid = ANY($1::text[]::regclass[]) OR confrelid = ANY($1::text[]::regclass[]))`,
    [tables],
  );
  const indexes = await dataSource.query<Definition[]>(
    `SELECT i.indrelid::regclass::text AS "table", i.indexrelid::regclass::text AS name, 'index' AS kind, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
      WHERE i.indrelid = ANY($1::text[]::regclass[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p','u','x'))`,
    [tables],
  );
  const foreignKeys = constraints.filter((constraint) => constraint.kind === 'f');
  const keys = constraints.filter((constraint) => constraint.kind !== 'f');
  for (const fk of foreignKeys) await dataSource.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${fk.name}`);
  for (const key of keys) await dataSource.query(`ALTER TABLE ${key.table} DROP CONSTRAINT ${key.name}`);
  for (const index of indexes) await dataSource.query(`DROP INDEX ${index.name}`);
  return {
    dropped: constraints.length + indexes.length,
    restore: async () => {
      const runner = dataSource.createQueryRunner();
      await runner.connect();
      try {
        // A bulk build's own settings, for this session only.
        await runner.query(`SET maintenance_work_mem = '512MB'`);
        let started = performance.now();
        for (const key of keys) await runner.query(`ALTER TABLE ${key.table} ADD CONSTRAINT ${key.name} ${key.definition}`);
        for (const index of indexes) await runner.query(index.definition);
        const keysAndIndexesMs = performance.now() - started;
        started = performance.now();
        for (const fk of foreignKeys) await runner.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${fk.name} ${fk.definition}`);
        return { keysAndIndexesMs, foreignKeysMs: performance.now() - started };
      } finally {
        await runner.release();
      }
    },
  };
}
