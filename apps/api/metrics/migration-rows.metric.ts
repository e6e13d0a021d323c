import { Counter, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';

const RESULTS = ['imported', 'updated', 'rejected', 'skipped'] as const;

/**
 * helpdesk_migration_rows_total{result}: the source records every data migration run has handled so far, summed from
 * the runs' report totals (which each committed batch adds to) at scrape time. A full read of migration_runs is fine on
 * every scrape: it holds one row per run, a handful over the help desk's life.
 */
export function registerMigrationRowsMetric(registry: Registry, dataSource: DataSource): void {
  new Counter({
    name: 'helpdesk_migration_rows_total',
    help: 'Source records handled by data migration runs, by result (from PostgreSQL at scrape time)',
    labelNames: ['result'],
    registers: [registry],
    async collect() {
      const [totals] = await dataSource.query<Array<Record<(typeof RESULTS)[number], string | null>>>(
        `SELECT ${RESULTS.map((result) => `sum((report->'totals'->>'${result}')::bigint) AS ${result}`).join(', ')} FROM migration_runs`,
      );
      // The database holds the totals: replace the values rather than add to them.
      this.reset();
      for (const result of RESULTS) this.inc({ result }, Number(totals[result] ?? 0));
    },
  });
}
