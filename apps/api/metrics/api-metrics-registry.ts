import { collectDefaultMetrics, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { registerMigrationRowsMetric } from './migration-rows.metric.js';
import { registerOpenTicketsMetric } from './open-tickets.metric.js';
import { registerSlaBreachesMetric } from './sla-breaches.metric.js';

/**
 * This API app's own registry (not prom-client's global one, so apps built in one process, as in the tests, keep apart):
 * the process's figures and the help desk's state read from PostgreSQL. GraphQLRequestMetrics adds its own.
 */
export function createApiMetricsRegistry(dataSource: DataSource): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  registerOpenTicketsMetric(registry, dataSource);
  registerSlaBreachesMetric(registry, dataSource);
  registerMigrationRowsMetric(registry, dataSource);
  return registry;
}
