import { Module } from '@nestjs/common';
import { MigrationProgressHub } from './migration-progress.hub.js';
import { MigrationProgressResolver } from './migration-progress.resolver.js';
import { MigrationRunsResolver } from './migration-runs.resolver.js';
import { MigrationRunsService } from './migration-runs.service.js';
import { MigrationUploadController } from './uploads/migration-upload.controller.js';

/** Data migration from another help desk: export uploads, runs, their steering (approve, pause, resume, cancel),
 * reports, rollback; progress live over a subscription. */
@Module({
  controllers: [MigrationUploadController],
  providers: [MigrationRunsResolver, MigrationRunsService, MigrationProgressHub, MigrationProgressResolver],
})
export class MigrationModule {}
