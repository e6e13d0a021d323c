import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MIGRATION_PROGRESS_CHANNEL, type MigrationProgressEvent } from '../../../libs/db/migration-progress-events.js';
import { PgNotificationHub } from '../common/pg-notification-hub.js';

/** Migration runs' progress as the worker commits it, fanned out to this replica's subscribers. */
@Injectable()
export class MigrationProgressHub extends PgNotificationHub<MigrationProgressEvent> {
  constructor(dataSource: DataSource) {
    super(dataSource, MIGRATION_PROGRESS_CHANNEL, 'Migration progress');
  }
}
