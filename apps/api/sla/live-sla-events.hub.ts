import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LIVE_SLA_EVENTS_CHANNEL, type LiveSlaEvent } from '../../../libs/db/live-sla-events.js';
import { PgNotificationHub } from '../common/pg-notification-hub.js';

/** Warnings, breaches and escalations the worker announces, fanned out to this replica's subscribers. */
@Injectable()
export class LiveSlaEventsHub extends PgNotificationHub<LiveSlaEvent> {
  constructor(dataSource: DataSource) {
    super(dataSource, LIVE_SLA_EVENTS_CHANNEL);
  }
}
