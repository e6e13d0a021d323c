import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import type { MigrationProgressEvent } from '../../../libs/db/migration-progress-events.js';
import { Roles } from '../auth/roles.decorator.js';
import { MigrationProgressHub } from './migration-progress.hub.js';
import { MIGRATION_OPERATORS } from './migration.roles.js';
import { MigrationProgressEventModel } from './models/migration-progress-event.model.js';

@Resolver()
export class MigrationProgressResolver {
  constructor(private readonly hub: MigrationProgressHub) {}

  @Roles(...MIGRATION_OPERATORS)
  @Subscription(() => MigrationProgressEventModel, {
    description: "A run's progress as it happens (graphql-ws): every batch and change of status.",
    resolve: (event: MigrationProgressEvent): MigrationProgressEventModel => event,
  })
  migrationProgress(@Args('runId', { type: () => ID }) runId: string): AsyncIterableIterator<MigrationProgressEvent> {
    return this.hub.subscribe((event) => event.runId === runId);
  }
}
