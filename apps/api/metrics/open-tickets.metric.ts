import { Gauge, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { TICKET_STATUSES } from '../../../libs/domain/tickets/ticket-status.js';

const OPEN_STATUSES = TICKET_STATUSES.filter((status) => status !== 'closed');

/**
 * helpdesk_open_tickets{status}: read from PostgreSQL at scrape time, so every API replica reports the same figure.
 * Cheap enough for every scrape: one COUNT per open status on the tickets_status index, never touching closed tickets
 * (the bulk of the table); every open status is reported, 0 included.
 */
export function registerOpenTicketsMetric(registry: Registry, dataSource: DataSource): void {
  new Gauge({
    name: 'helpdesk_open_tickets',
    help: 'Tickets not closed, by status (from PostgreSQL at scrape time)',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const rows = await dataSource.query<Array<{ status: string; count: string }>>(
        `SELECT status, count(*) AS count FROM tickets WHERE status = ANY($1) GROUP BY status`,
        [OPEN_STATUSES],
      );
      const counts = new Map(rows.map((row) => [row.status, Number(row.count)]));
      for (const status of OPEN_STATUSES) this.set({ status }, counts.get(status) ?? 0);
    },
  });
}
