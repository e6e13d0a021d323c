import type { RecordType } from './migration-record.js';

/** What the sample rule looks at in a record, as read from the source (raw values: the mapping is what is tested). */
export interface SampleCandidate {
  type: RecordType;
  sourceId: string;
  status: string | null;
  priority: string | null;
  /** Epoch ms, when the record has a readable creation date. */
  createdAt: number | null;
  threadLength: number;
  hasAttachments: boolean;
  hasCustomFields: boolean;
}

export const DEFAULT_SAMPLE_SIZE = 50;

/**
 * The records a sample run imports: every status and priority value the source uses, the oldest and the newest, the
 * longest thread, one with attachments and one with custom fields — then evenly spread others up to `size`, so the
 * operator sees every case the mapping must handle before the full run. Returns `type:sourceId` keys in the order chosen.
 */
export function selectSample(candidates: readonly SampleCandidate[], size = DEFAULT_SAMPLE_SIZE): string[] {
  const chosen = new Set<string>();
  const key = (candidate: SampleCandidate) => `${candidate.type}:${candidate.sourceId}`;
  const take = (candidate: SampleCandidate | undefined) => candidate && chosen.size < size && chosen.add(key(candidate));
  const tickets = candidates.filter((candidate) => candidate.type === 'ticket');

  for (const field of ['status', 'priority'] as const) {
    const seen = new Set<string | null>();
    for (const ticket of tickets) {
      if (!seen.has(ticket[field])) {
        seen.add(ticket[field]);
        take(ticket);
      }
    }
  }
  const dated = tickets.filter((ticket) => ticket.createdAt !== null);
  take(extreme(dated, (ticket) => -ticket.createdAt!));
  take(extreme(dated, (ticket) => ticket.createdAt!));
  take(extreme(tickets, (ticket) => ticket.threadLength));
  take(tickets.find((ticket) => ticket.hasAttachments));
  take(tickets.find((ticket) => ticket.hasCustomFields));
  // Every other imported type shows up at least once.
  for (const type of new Set(candidates.map((candidate) => candidate.type))) take(candidates.find((candidate) => candidate.type === type));

  const rest = candidates.filter((candidate) => !chosen.has(key(candidate)));
  const free = size - chosen.size;
  if (free > 0 && rest.length > 0) {
    const step = rest.length / Math.min(free, rest.length);
    for (let index = 0; index < rest.length && chosen.size < size; index += step) take(rest[Math.floor(index)]);
  }
  return [...chosen];
}

function extreme<T>(items: readonly T[], score: (item: T) => number): T | undefined {
  let best: T | undefined;
  for (const item of items) if (best === undefined || score(item) > score(best)) best = item;
  return best;
}
