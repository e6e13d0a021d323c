import type { TimelineEntry } from '../../workflows/rollout/rollout.contract.js';

/** The PostgreSQL NOTIFY channel carrying rollout timeline events from the worker to every API replica's subscribers. */
export const LIVE_ROLLOUT_EVENTS_CHANNEL = 'helpdesk_live_rollout_events';

export interface LiveRolloutEvent extends TimelineEntry {
  rolloutId: string;
}
