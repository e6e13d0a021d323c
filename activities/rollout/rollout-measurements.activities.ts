import type { DataSource } from 'typeorm';
import { rolloutReviewFigures } from '../../libs/db/rollout-review-figures.js';
import { measurePilotTickets } from '../../libs/db/ticket-metrics.js';
import type { KpiSet, MoneyEntry, PilotTicketMetrics } from '../../libs/domain/rollout/index.js';
import type { PilotScope, StoredGateFacts } from '../../workflows/rollout/rollout.contract.js';

/** Reads what gates, the pilot and the reviews are judged on; read-only, so safe to retry. */
export function createRolloutMeasurementActivities({ dataSource }: { dataSource: DataSource }) {
  const rolloutRow = async (rolloutId: string) => {
    const [row] = await dataSource.query<
      Array<{ baseline: Partial<KpiSet> | null; migration_run_id: string | null; routing_simulation: StoredGateFacts['routingSimulation'] }>
    >('SELECT baseline, migration_run_id, routing_simulation FROM rollouts WHERE id = $1', [rolloutId]);
    if (!row) throw new Error(`Rollout ${rolloutId} has no row`);
    return row;
  };

  return {
    /** The facts in PostgreSQL a gate needs: baseline, the named migration run, the last simulation. */
    async gateFacts(rolloutId: string): Promise<StoredGateFacts> {
      const row = await rolloutRow(rolloutId);
      let migration: StoredGateFacts['migration'] = null;
      if (row.migration_run_id) {
        const [run] = await dataSource.query<Array<{ status: string; report: { totals?: Record<string, number> } | null }>>(
          'SELECT status, report FROM migration_runs WHERE id = $1',
          [row.migration_run_id],
        );
        const totals = run?.report?.totals;
        if (run && totals) {
          const count = (key: string) => Number(totals[key] ?? 0);
          migration = {
            status: run.status,
            totals: { read: count('read'), imported: count('imported'), updated: count('updated'), rejected: count('rejected'), skipped: count('skipped') },
          };
        }
      }
      return { baselineRecorded: row.baseline !== null, migration, routingSimulation: row.routing_simulation };
    },

    /** The pilot's tickets in its scope and window, and the baseline CSAT it is compared with. */
    async pilotMetrics(request: { rolloutId: string; scope: PilotScope; from: string; to: string }): Promise<{ metrics: PilotTicketMetrics; baselineCsat: number | null }> {
      const row = await rolloutRow(request.rolloutId);
      const metrics = await measurePilotTickets(dataSource, { from: request.from, to: request.to, ...request.scope });
      return { metrics, baselineCsat: row.baseline?.csat ?? null };
    },

    /** The KPIs of the tickets created in [from, to), the rollout's baseline and its recorded costs and benefits. */
    reviewFigures(request: { rolloutId: string; from: string; to: string }): Promise<{ kpis: KpiSet; baseline: Partial<KpiSet>; money: MoneyEntry[] }> {
      return rolloutReviewFigures(dataSource, request);
    },
  };
}

export type RolloutMeasurementActivities = ReturnType<typeof createRolloutMeasurementActivities>;
