import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { rolloutReviewFigures } from '../../../libs/db/rollout-review-figures.js';
import { measureTicketKpis, ticketVolumes } from '../../../libs/db/ticket-metrics.js';
import { judgeReview, type MoneyEntry } from '../../../libs/domain/rollout/index.js';
import { userError } from '../common/user-error.js';
import { assertUuid } from '../sla-config/config-errors.js';
import type { RoutingScenarioInput } from '../routing/dto/routing-scenario.input.js';
import type { RoutingSimulationModel } from '../routing/models/simulation.model.js';
import { SimulatorService } from '../routing/simulator.service.js';
import type { BaselineInput } from './dto/baseline.input.js';
import type { RolloutReviewModel } from './models/rollout-review.model.js';
import { RolloutWorkflowsClient } from './rollout-workflows.client.js';
import { RolloutsService } from './rollouts.service.js';

/** What a rollout's gates and reviews are measured against: baseline, migration run, routing simulation, costs and benefits. */
@Injectable()
export class RolloutMeasuresService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rollouts: RolloutsService,
    private readonly simulator: SimulatorService,
    private readonly workflows: RolloutWorkflowsClient,
  ) {}

  async recordBaseline(rolloutId: string, input: BaselineInput): Promise<Record<string, unknown>> {
    await this.rollouts.row(rolloutId);
    const baseline = Object.fromEntries(Object.entries({ ...input }).filter(([, value]) => value !== undefined && value !== null));
    if (Object.keys(baseline).length === 0) throw userError('BAD_USER_INPUT', 'A baseline needs at least one figure.');
    await this.dataSource.query(`UPDATE rollouts SET baseline = $2, baseline_source = 'entered' WHERE id = $1`, [rolloutId, JSON.stringify(baseline)]);
    return baseline;
  }

  /** The baseline measured from the tickets a migration run brought in: KPIs and volumes. */
  async baselineFromMigration(rolloutId: string, migrationRunId: string): Promise<Record<string, unknown>> {
    await this.rollouts.row(rolloutId);
    assertUuid(migrationRunId, 'a migration run');
    const { tickets, ...kpis } = await measureTicketKpis(this.dataSource, { importRunId: migrationRunId });
    if (tickets === 0) throw userError('BAD_USER_INPUT', `The migration run ${migrationRunId} brought in no tickets to measure.`);
    const baseline = { ...kpis, volumes: await ticketVolumes(this.dataSource, { importRunId: migrationRunId }) };
    await this.dataSource.query(`UPDATE rollouts SET baseline = $2, baseline_source = 'migrated_history', migration_run_id = $3 WHERE id = $1`, [
      rolloutId,
      JSON.stringify(baseline),
      migrationRunId,
    ]);
    return baseline;
  }

  /** The migration run the data-migration gate reads. */
  async linkMigrationRun(rolloutId: string, migrationRunId: string): Promise<void> {
    await this.rollouts.row(rolloutId);
    assertUuid(migrationRunId, 'a migration run');
    const runs: unknown[] = await this.dataSource.query('SELECT 1 FROM migration_runs WHERE id = $1', [migrationRunId]);
    if (runs.length === 0) throw userError('BAD_USER_INPUT', `There is no migration run ${migrationRunId}.`);
    await this.dataSource.query('UPDATE rollouts SET migration_run_id = $2 WHERE id = $1', [rolloutId, migrationRunId]);
  }

  /** Runs the routing simulator and keeps its overall result as what the testing gate reads. */
  async simulateRouting(rolloutId: string, scenarios: RoutingScenarioInput[]): Promise<RoutingSimulationModel> {
    await this.rollouts.row(rolloutId);
    const report = await this.simulator.simulate(scenarios);
    await this.dataSource.query('UPDATE rollouts SET routing_simulation = $2 WHERE id = $1', [rolloutId, JSON.stringify(report.overall)]);
    return report;
  }

  async recordMoney(rolloutId: string, entry: MoneyEntry, recordedBy: string): Promise<void> {
    await this.rollouts.row(rolloutId);
    await this.dataSource.query('INSERT INTO rollout_money (rollout_id, kind, amount, description, recorded_by) VALUES ($1, $2, $3, $4, $5)', [
      rolloutId,
      entry.kind,
      entry.amount,
      entry.description.trim(),
      recordedBy,
    ]);
  }

  /** A review measured now (since launch, or since the start before launch): the same figures the scheduled reviews report. */
  async reviewNow(rolloutId: string): Promise<RolloutReviewModel> {
    const row = await this.rollouts.row(rolloutId);
    const state = await this.workflows.state(rolloutId);
    const from = state.launchedAt ?? `${row.start_date}T00:00:00.000Z`;
    const to = new Date().toISOString();
    const figures = await rolloutReviewFigures(this.dataSource, { rolloutId, from, to });
    return { day: 0, at: to, from, to, kpis: figures.kpis, ...judgeReview(figures) };
  }
}
