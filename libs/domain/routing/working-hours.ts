import { isWorkingTime, nextWorkingInstant, type BusinessCalendar, type WorkingInterval } from '../calendar/index.js';

/** What the working-hours rule reads of an agent. */
export interface AgentShift {
  /** IANA time zone of workingHours. */
  timeZone: string;
  /** Weekly shifts in local wall-clock time (overnight shifts allowed); none means the agent keeps no set hours. */
  workingHours: WorkingInterval[];
  /** Epoch ms of the agent's last availability change (setting online again counts); null when never set. */
  availabilityChangedAt: number | null;
}

/**
 * Whether an online agent is offered new tickets at `now` as far as their hours go: always with no hours set; within
 * their working hours (in their time zone); outside them only when they set their availability after their last shift
 * ended, i.e. no working time lies between that change and now. Such an override lasts until the end of their next
 * shift, so an agent who simply stays online after work stops getting tickets when the shift ends.
 */
export function isOnShift(agent: AgentShift, now: number): boolean {
  if (agent.workingHours.length === 0) return true;
  // Agents' hours have no holidays: days off are simply days without a shift.
  const hours: BusinessCalendar = { timeZone: agent.timeZone, intervals: agent.workingHours, holidays: [] };
  if (isWorkingTime(hours, now)) return true;
  if (agent.availabilityChangedAt === null) return false;
  return nextWorkingInstant(hours, agent.availabilityChangedAt) >= now;
}
