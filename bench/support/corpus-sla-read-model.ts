// The SLA summary the ticket workflow keeps on a ticket's row (see workflows/ticket/ticket-read-model.ts), derived
// from a generated timeline cut at the corpus's "now": the next deadline among the clocks still running (a paused
// resolution clock has none), and the earliest deadline any clock missed. Deadlines in calendar minutes from
// creation, as the corpus generates them (reporting-corpus.ts).

const MINUTE = 60_000;
/** Statuses the resolution clock pauses in (the generated policies' pause rule). */
const PAUSING = new Set(['pending', 'on_hold']);
const DONE = new Set(['solved', 'closed']);

/** A timeline event as far as the clocks care: sla_started / sla_stopped / sla_resumed / sla_breached of `metric`. */
export interface ClockEvent {
  type: string;
  metric?: string;
}

export interface SlaReadModel {
  deadline: number | null;
  metric: string | null;
  breachedAt: number | null;
}

export function slaReadModel(
  events: readonly ClockEvent[],
  createdAt: number,
  targetMinutes: Readonly<Record<string, number>>,
  status: string,
): SlaReadModel {
  const running = new Set<string>();
  let breachedAt = Number.POSITIVE_INFINITY;
  const deadlineOf = (metric: string) => createdAt + targetMinutes[metric] * MINUTE;
  for (const { type, metric } of events) {
    if (metric === undefined) continue;
    if (type === 'sla_started' || type === 'sla_resumed') running.add(metric);
    else if (type === 'sla_stopped') running.delete(metric);
    else if (type === 'sla_breached') breachedAt = Math.min(breachedAt, deadlineOf(metric));
  }
  if (PAUSING.has(status)) running.delete('resolution');
  let next: { at: number; metric: string } | null = null;
  if (!DONE.has(status)) {
    for (const metric of running) {
      if (next === null || deadlineOf(metric) < next.at) next = { at: deadlineOf(metric), metric };
    }
  }
  return { deadline: next?.at ?? null, metric: next?.metric ?? null, breachedAt: Number.isFinite(breachedAt) ? breachedAt : null };
}
