import type { EntityManager } from 'typeorm';

/**
 * Every write to routing rules, and every group deletion, takes this transaction lock: rule positions stay 0..n-1 when
 * admins act at once, and a group cannot disappear between a rule's check that it exists and the rule's commit.
 */
const ROUTING_CONFIG_LOCK = 727_004;

export async function lockRoutingConfig(manager: EntityManager): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [ROUTING_CONFIG_LOCK]);
}
