import type { KpiSet, MoneyEntry } from '../domain/rollout/index.js';
import { measureTicketKpis } from './ticket-metrics.js';

interface Queryable {
  query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T>;
}

/** What a review of a rollout judges: the KPIs of tickets created in [from, to), its baseline, its costs and benefits. */
export async function rolloutReviewFigures(
  db: Queryable,
  request: { rolloutId: string; from: string; to: string },
): Promise<{ kpis: KpiSet; baseline: Partial<KpiSet>; money: MoneyEntry[] }> {
  const [row] = await db.query<Array<{ baseline: Partial<KpiSet> | null }>>('SELECT baseline FROM rollouts WHERE id = $1', [request.rolloutId]);
  const { tickets: _tickets, ...kpis } = await measureTicketKpis(db, { from: request.from, to: request.to });
  const money = await db.query<Array<{ kind: MoneyEntry['kind']; amount: string; description: string }>>(
    'SELECT kind, amount, description FROM rollout_money WHERE rollout_id = $1 ORDER BY recorded_at, id',
    [request.rolloutId],
  );
  return { kpis, baseline: row?.baseline ?? {}, money: money.map((entry) => ({ ...entry, amount: Number(entry.amount) })) };
}
