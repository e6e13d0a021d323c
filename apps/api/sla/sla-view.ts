import { deadlineOf, elapsedMs, remainingMs, SLA_METRICS } from '../../../libs/domain/sla/index.js';
import type { TicketLifecycleState } from '../../../workflows/ticket/ticket.contract.js';
import type { SlaMetricStatusModel, TicketSlaModel } from './models/ticket-sla.model.js';

const seconds = (ms: number) => Math.trunc(ms / 1000);

/** The workflow's clocks as a reader sees them at `now`: elapsed, remaining and deadline in business time. */
export function slaView(state: TicketLifecycleState, now: number): TicketSlaModel {
  const rules = state.rules;
  const metrics: SlaMetricStatusModel[] = [];
  for (const metric of SLA_METRICS) {
    const clock = state.sla.clocks[metric];
    if (!clock || !rules) continue;
    const deadline = deadlineOf(clock, rules.calendar);
    metrics.push({
      metric,
      state: clock.state,
      targetMinutes: clock.target.minutes,
      businessHours: clock.target.businessHours,
      elapsedSeconds: seconds(elapsedMs(clock, rules.calendar, now)),
      // Rounded down, so it turns negative as soon as the target is passed (truncating would show 0 for a second).
      remainingSeconds: Math.floor(remainingMs(clock, rules.calendar, now) / 1000),
      deadline: deadline === null ? null : new Date(deadline),
      breached: clock.breach !== null,
      breach: clock.breach && {
        deadline: new Date(clock.breach.deadline),
        detectedAt: new Date(clock.breach.detectedAt),
        overdueSeconds: seconds(clock.breach.overdueMs),
      },
    });
  }
  return {
    policy: rules?.policy ?? null,
    metrics,
    escalationLevel: state.escalationLevel,
    awaitingAcknowledgement: state.pendingRepeats.length > 0,
  };
}
