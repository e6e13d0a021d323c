import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LIVE_ROLLOUT_EVENTS_CHANNEL, type LiveRolloutEvent } from '../../../libs/db/live-rollout-events.js';
import { PgNotificationHub } from '../common/pg-notification-hub.js';

/** Rollout timeline events as the rollout workflows record them, for this replica's subscribers. */
@Injectable()
export class LiveRolloutEventsHub extends PgNotificationHub<LiveRolloutEvent> {
  constructor(dataSource: DataSource) {
    super(dataSource, LIVE_ROLLOUT_EVENTS_CHANNEL, 'Live rollout events');
  }
}
