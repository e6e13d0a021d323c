import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { JSONScalar } from '../common/json.scalar.js';
import { StartMigrationRunInput } from './dto/start-migration-run.input.js';
import { MigrationRunsService } from './migration-runs.service.js';
import { MIGRATION_OPERATORS } from './migration.roles.js';
import { MigrationRejectModel, MigrationRunModel, MigrationSampleRecordModel } from './models/migration-run.model.js';

const MAX_PAGE = 200;

@Resolver(() => MigrationRunModel)
export class MigrationRunsResolver {
  constructor(private readonly runs: MigrationRunsService) {}

  @Roles(...MIGRATION_OPERATORS)
  @Mutation(() => MigrationRunModel, { description: 'Checks the mapping, then starts the run: preflight, sample, phases.' })
  startMigrationRun(@Args('input') input: StartMigrationRunInput, @CurrentUser() caller: AuthenticatedUser): Promise<MigrationRunModel> {
    return this.runs.start(input, caller.id);
  }

  @Roles(...MIGRATION_OPERATORS)
  @Mutation(() => MigrationRunModel, { description: 'Approves what the run waits for: the sample, a phase gate, or going on after a failed validation.' })
  approveMigrationRun(@Args('id', { type: () => ID }) id: string): Promise<MigrationRunModel> {
    return this.runs.signal(id, 'approve');
  }

  @Roles(...MIGRATION_OPERATORS)
  @Mutation(() => MigrationRunModel, { description: 'Pauses after the batch in flight.' })
  pauseMigrationRun(@Args('id', { type: () => ID }) id: string): Promise<MigrationRunModel> {
    return this.runs.signal(id, 'pause');
  }

  @Roles(...MIGRATION_OPERATORS)
  @Mutation(() => MigrationRunModel)
  resumeMigrationRun(@Args('id', { type: () => ID }) id: string): Promise<MigrationRunModel> {
    return this.runs.signal(id, 'resume');
  }

  @Roles(...MIGRATION_OPERATORS)
  @Mutation(() => MigrationRunModel, { description: 'Stops after the batch in flight; imported rows stay until rolled back.' })
  cancelMigrationRun(@Args('id', { type: () => ID }) id: string): Promise<MigrationRunModel> {
    return this.runs.signal(id, 'cancel');
  }

  @Roles(...MIGRATION_OPERATORS)
  @Mutation(() => MigrationRunModel, { description: 'Replaces the mapping before the phases start; the run checks and samples again.' })
  reviseMigrationMapping(@Args('id', { type: () => ID }) id: string, @Args('mapping') mapping: string): Promise<MigrationRunModel> {
    return this.runs.reviseMapping(id, mapping);
  }

  @Roles(...MIGRATION_OPERATORS)
  @Mutation(() => MigrationRunModel, { description: 'Removes exactly the rows a finished run inserted.' })
  rollbackMigrationRun(@Args('id', { type: () => ID }) id: string): Promise<MigrationRunModel> {
    return this.runs.rollback(id);
  }

  @Roles(...MIGRATION_OPERATORS)
  @Query(() => MigrationRunModel)
  migrationRun(@Args('id', { type: () => ID }) id: string): Promise<MigrationRunModel> {
    return this.runs.get(id);
  }

  @Roles(...MIGRATION_OPERATORS)
  @Query(() => [MigrationRunModel], { description: 'Newest first.' })
  migrationRuns(@Args('first', { type: () => Int, defaultValue: 20 }) first: number): Promise<MigrationRunModel[]> {
    return this.runs.list(Math.min(Math.max(first, 1), MAX_PAGE));
  }

  @ResolveField(() => JSONScalar, { nullable: true, description: 'Live: records per phase and type, rate, ETA (null once the run is over).' })
  progress(@Parent() run: MigrationRunModel): Promise<unknown> {
    return this.runs.progress(run.id);
  }

  @ResolveField(() => [MigrationRejectModel])
  rejects(
    @Parent() run: MigrationRunModel,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('reason', { type: () => String, nullable: true }) reason?: string | null,
  ): Promise<MigrationRejectModel[]> {
    return this.runs.rejects(run.id, Math.min(Math.max(first, 1), MAX_PAGE), reason ?? null);
  }

  @ResolveField(() => [MigrationSampleRecordModel], { description: 'The latest sample run, source beside target.' })
  sample(@Parent() run: MigrationRunModel): Promise<MigrationSampleRecordModel[]> {
    return this.runs.sample(run.id);
  }
}
