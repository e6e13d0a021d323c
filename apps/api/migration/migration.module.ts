import { Module } from '@nestjs/common';
import { MigrationRunsResolver } from './migration-runs.resolver.js';
import { MigrationRunsService } from './migration-runs.service.js';

/** Data migration from another help desk: runs, their steering (approve, pause, resume, cancel), reports, rollback. */
@Module({
  providers: [MigrationRunsResolver, MigrationRunsService],
})
export class MigrationModule {}
