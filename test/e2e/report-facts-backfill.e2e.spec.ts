import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { backfillTicketReportFacts, refreshTicketReportFacts, type SqlRows } from '../../libs/db/reporting/ticket-report-facts.js';
import { createTestDatabase } from '../support/test-database.js';

// Tickets from before reporting existed have no report facts: a starting worker writes them, and never overwrites the
// facts a ticket's own change wrote meanwhile.
describe('backfilling report facts', () => {
  let dataSource: DataSource;
  let sql: SqlRows;

  beforeAll(async () => {
    ({ dataSource } = await createTestDatabase());
    sql = (text, parameters) => dataSource.query(text, parameters);
  });
  afterAll(() => dataSource?.destroy());

  async function ticketWithoutFacts(status: string, solvedAt: string | null): Promise<string> {
    const id = randomUUID();
    await dataSource.query(
      `INSERT INTO tickets (id, subject, description, requester_email, channel, priority, status, created_at, solved_at)
       VALUES ($1, 'Old', 'From before reporting', 'Old@Example.com', 'email', 'normal', $2, '2026-01-05T10:00:00Z', $3)`,
      [id, status, solvedAt],
    );
    return id;
  }
  const factsOf = async (id: string) =>
    (await dataSource.query('SELECT status, solved_at, resolution_minutes, requester FROM ticket_report_facts WHERE ticket_id = $1', [id]))[0];

  it('writes the facts of every ticket that has none, chunk by chunk, and counts them', async () => {
    const ids = [];
    for (let index = 0; index < 5; index += 1) ids.push(await ticketWithoutFacts('solved', '2026-01-05T12:00:00Z'));
    expect(await backfillTicketReportFacts(sql, { chunkSize: 2 })).toBe(5);
    expect(await factsOf(ids[0])).toEqual({ status: 'solved', solved_at: new Date('2026-01-05T12:00:00Z'), resolution_minutes: 120, requester: 'old@example.com' });
    expect(await backfillTicketReportFacts(sql)).toBe(0);
  });

  it('keeps facts written by a change meanwhile, and stops when told to', async () => {
    const changed = await ticketWithoutFacts('open', null);
    await refreshTicketReportFacts(sql, [changed]);
    await dataSource.query(`UPDATE tickets SET status = 'solved', solved_at = '2026-01-05T11:00:00Z' WHERE id = $1`, [changed]);
    // The stale row stays: only a change's own refresh (not the backfill) rewrites existing facts.
    await refreshTicketReportFacts(sql, [changed], { keepExisting: true });
    expect((await factsOf(changed)).status).toBe('open');

    await ticketWithoutFacts('open', null);
    expect(await backfillTicketReportFacts(sql, { keepGoing: () => false })).toBe(0);
    expect(await backfillTicketReportFacts(sql)).toBe(1);
  });
});
