// Agents' time online, from the history of their availability: each change sets the agent's availability until the
// next one; before their first recorded change an agent counts as offline (agents start offline).

const MINUTE_MS = 60_000;

export interface AvailabilityChange {
  /** Epoch ms. */
  at: number;
  availability: string;
}

/** Minutes online within [start, end), from the changes in time order. */
export function minutesOnline(changes: readonly AvailabilityChange[], start: number, end: number): number {
  let total = 0;
  changes.forEach((change, index) => {
    if (change.availability !== 'online') return;
    const until = index + 1 < changes.length ? changes[index + 1].at : end;
    const from = Math.max(change.at, start);
    const to = Math.min(until, end);
    if (to > from) total += to - from;
  });
  return total / MINUTE_MS;
}
