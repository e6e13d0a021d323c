import type { DataSource } from 'typeorm';

/** How many of the latest committed batches the import rate is measured over. */
const MEASURED_BATCHES = 100;

/**
 * Seconds an import of `records` records should take, at the rate the latest batches committed in this database ran
 * (records read per second of batch time, as `importBatch` measures it); null before any batch has been measured — the
 * run's live progress gives an ETA from its own first batches then.
 */
export async function estimateImportSeconds(dataSource: DataSource, records: number): Promise<number | null> {
  const [measured] = await dataSource.query<Array<{ records: string | null; ms: number | null }>>(
    `SELECT sum((result->'counts'->>'read')::bigint) AS records, sum((result->>'durationMs')::float8) AS ms
       FROM (SELECT result FROM migration_batches WHERE result ? 'durationMs' ORDER BY committed_at DESC LIMIT $1) latest`,
    [MEASURED_BATCHES],
  );
  const rate = measured?.ms ? Number(measured.records) / (measured.ms / 1000) : 0;
  return rate > 0 ? Math.ceil(records / rate) : null;
}
