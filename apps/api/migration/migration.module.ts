import { Module } from '@nestjs/common';
import { MigrationProgressHub } from './migration-progress.hub.js';
import { MigrationProgressResolver } from './migration-progress.resolver.js';
import { MigrationRunsResolver } from './migration-runs.resolver.js';
import { MigrationRunsService } from './migration-runs.service.js';

/** Data migration from another help desk: runs, their steering (approve, pause, resume, cancel), reports, rollback;
 * progress live over a subscription. */
@Module({
  providers: [MigrationRunsResolver, MigrationRunsService, MigrationProgressHub, MigrationProgressResolver],
})
export class MigrationModule {}
