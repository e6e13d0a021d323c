import { SLA_METRICS, type MetricClock, type TicketSla } from '../../libs/domain/sla/index.js';
import type { TimelineEventType } from './ticket.contract.js';

export interface ClockChange {
  type: Extract<TimelineEventType, 'sla_started' | 'sla_paused' | 'sla_resumed' | 'sla_stopped'>;
  data: Record<string, unknown>;
}

/** What happened to each metric's clock between two SLA states, for the timeline. */
export function clockChanges(before: TicketSla, after: TicketSla): ClockChange[] {
  return SLA_METRICS.flatMap((metric): ClockChange[] => {
    const was = before.clocks[metric];
    const now = after.clocks[metric];
    if (!now) return [];
    const started = !was || (was.state === 'stopped' && now.startedAt !== was.startedAt);
    if (started) return [{ type: 'sla_started', data: { metric, ...targetOf(now) } }];
    if (was.state === now.state) return [];
    if (now.state === 'stopped') return [{ type: 'sla_stopped', data: { metric, elapsedMs: now.elapsedBeforeMs } }];
    if (now.state === 'paused') return [{ type: 'sla_paused', data: { metric } }];
    return [{ type: 'sla_resumed', data: { metric } }];
  });
}

function targetOf(clock: MetricClock): Record<string, unknown> {
  return { targetMinutes: clock.target.minutes, businessHours: clock.target.businessHours };
}
