import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';

/** How many `sla_breached` timeline events PostgreSQL holds. */
export async function countBreaches(dataSource: DataSource): Promise<number> {
  const [row] = await dataSource.query<Array<{ count: string }>>(`SELECT count(*) AS count FROM ticket_events WHERE type = 'sla_breached'`);
  return Number(row.count);
}

/** Polls until `expected` breaches are written; on timeout, says how many there were. */
export async function waitForBreaches(
  dataSource: DataSource,
  expected: number,
  timeoutMs: number,
  assertHealthy: () => void,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let found = await countBreaches(dataSource); found < expected; found = await countBreaches(dataSource)) {
    assertHealthy();
    if (Date.now() > deadline) throw new Error(`only ${found} of ${expected} sla_breached events after ${timeoutMs} ms`);
    await sleep(1000);
  }
}

export interface BreachTiming {
  ticketId: string;
  /** Epoch ms the deadline fell on. */
  deadline: number;
  /** detectedAt − deadline, from the event's data: when the workflow saw the breach. */
  detectedLagMs: number;
  /**
   * tickets.updated_at − deadline: when the write of the breach to PostgreSQL began (the transaction's now()). The
   * breach is the ticket's last change in these benchmarks, so updated_at is that write's.
   */
  writtenLagMs: number;
}

export async function breachTimings(dataSource: DataSource): Promise<BreachTiming[]> {
  const rows = await dataSource.query<Array<{ id: string; data: { deadline: string; detectedAt: string }; updated_at: Date }>>(
    `SELECT t.id, e.data, t.updated_at FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id WHERE e.type = 'sla_breached'`,
  );
  return rows.map(({ id, data, updated_at }) => {
    const deadline = Date.parse(data.deadline);
    return { ticketId: id, deadline, detectedLagMs: Date.parse(data.detectedAt) - deadline, writtenLagMs: updated_at.getTime() - deadline };
  });
}
