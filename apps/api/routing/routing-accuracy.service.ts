import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { routingAccuracy } from '../../../libs/domain/routing/index.js';
import type { RoutingAccuracyModel } from './models/routing-accuracy.model.js';

/**
 * Routing accuracy in production, from the tickets' routing columns (written by the ticket workflow): a ticket routed
 * (routed_group_id set) counts once, under the rule that routed it (null: the fallback), misrouted when a person moved
 * it to another group afterwards.
 */
@Injectable()
export class RoutingAccuracyService {
  constructor(private readonly dataSource: DataSource) {}

  async accuracy(since: Date | null): Promise<RoutingAccuracyModel> {
    const rows: Array<{ rule_id: string | null; misrouted: boolean; n: string }> = await this.dataSource.query(
      `SELECT routing_rule_id AS rule_id, misrouted, count(*) AS n
         FROM tickets
        WHERE routed_group_id IS NOT NULL AND ($1::timestamptz IS NULL OR created_at >= $1)
        GROUP BY 1, 2`,
      [since],
    );
    // The domain counts decisions; grouped counts are expanded per rule without materializing every ticket twice.
    const decisions = rows.flatMap((row) => Array.from({ length: Number(row.n) }, () => ({ ruleId: row.rule_id, misrouted: row.misrouted })));
    const result = routingAccuracy(decisions);
    const ids = result.perRule.map((r) => r.ruleId).filter((id): id is string => id !== null);
    const names: Array<{ id: string; name: string }> =
      ids.length === 0 ? [] : await this.dataSource.query('SELECT id, name FROM routing_rules WHERE id = ANY($1::uuid[])', [ids]);
    const nameOf = new Map(names.map((r) => [r.id, r.name]));
    return {
      overall: result.overall,
      perRule: result.perRule
        .map((r) => ({ ...r, ruleName: r.ruleId === null ? null : (nameOf.get(r.ruleId) ?? null) }))
        .sort((a, b) => b.routed - a.routed || (a.ruleName ?? '').localeCompare(b.ruleName ?? '')),
    };
  }
}
