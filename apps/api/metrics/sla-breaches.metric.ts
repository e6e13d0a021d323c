import { Counter, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';

/**
 * helpdesk_sla_breaches_total: the `sla_breached` timeline events in PostgreSQL, counted at scrape time so every API
 * replica reports the same figure. A counter, as the events are only ever added; the count reads the partial index
 * that holds nothing but those events (migration SlaBreachIndex), not the whole timeline.
 */
export function registerSlaBreachesMetric(registry: Registry, dataSource: DataSource): void {
  new Counter({
    name: 'helpdesk_sla_breaches_total',
    help: 'SLA breaches recorded on ticket timelines (from PostgreSQL at scrape time)',
    registers: [registry],
    async collect() {
      const [row] = await dataSource.query<Array<{ count: string }>>(
        `SELECT count(*) AS count FROM ticket_events WHERE type = 'sla_breached'`,
      );
      // The database holds the total: replace the value rather than add to it.
      this.reset();
      this.inc(Number(row.count));
    },
  });
}
