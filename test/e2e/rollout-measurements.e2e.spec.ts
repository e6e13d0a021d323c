import { randomUUID } from 'node:crypto';
import { createRolloutMeasurementActivities } from '../../activities/rollout/rollout-measurements.activities.js';
import { refreshTicketReportFacts } from '../../libs/db/reporting/ticket-report-facts.js';
import { measurePilotTickets, measureTicketKpis } from '../../libs/db/ticket-metrics.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

// What pilots and reviews measure, on the real PostgreSQL schema with seeded tickets, messages and timeline events
// (and their report facts, which the measurements read):
// the SQL behind the pilot's evaluation and the post-go-live KPIs, with surveys, article links and a migration run
// written into their own tables. A figure with nothing to measure yet (no answered survey) is null.

const T0 = Date.parse('2026-11-02T09:00:00Z');
const MINUTE = 60_000;
const at = (offsetMinutes: number) => new Date(T0 + offsetMinutes * MINUTE).toISOString();

describe('rollout measurements over seeded tickets', () => {
  let system: TestSystem;
  let agentId: string;
  const ids: string[] = [];

  async function seed(ticket: {
    channel: string;
    createdAt: number;
    solvedAt?: number;
    misrouted?: boolean;
    publicReplies: number[];
    events?: string[];
  }): Promise<string> {
    const id = randomUUID();
    await system.dataSource.query(
      `INSERT INTO tickets (id, subject, description, requester_email, channel, priority, status, created_at, solved_at, routed_group_id, misrouted, assignee_id)
       VALUES ($1, 'Seeded', 'Seeded', 'c@example.com', $2, 'normal', $3, $4, $5, 'some-group', $6, $7)`,
      [id, ticket.channel, ticket.solvedAt ? 'solved' : 'open', at(ticket.createdAt), ticket.solvedAt ? at(ticket.solvedAt) : null, ticket.misrouted ?? false, agentId],
    );
    for (const minutes of ticket.publicReplies) {
      await system.dataSource.query(
        `INSERT INTO ticket_messages (id, ticket_id, author_type, body, is_public, created_at) VALUES ($1, $2, 'agent', 'Reply', true, $3)`,
        [randomUUID(), id, at(minutes)],
      );
    }
    for (const [index, type] of (ticket.events ?? []).entries()) {
      await system.dataSource.query(`INSERT INTO ticket_events (ticket_id, sequence, type, actor, occurred_at) VALUES ($1, $2, $3, 'system', $4)`, [
        id,
        index + 1,
        type,
        at(ticket.createdAt),
      ]);
    }
    // As the ticket workflow's activity does after each timeline write.
    await refreshTicketReportFacts((sql, parameters) => system.dataSource.query(sql, parameters), [id]);
    ids.push(id);
    return id;
  }

  beforeAll(async () => {
    system = await startTestSystem();
    ({ userId: agentId } = await system.signIn(['agent']));
    await seed({ channel: 'email', createdAt: 0, solvedAt: 120, publicReplies: [30] });
    await seed({ channel: 'email', createdAt: 60, solvedAt: 300, misrouted: true, publicReplies: [150, 200], events: ['reopened'] });
    await seed({ channel: 'email', createdAt: 120, publicReplies: [], events: ['escalation_notified'] });
    await seed({ channel: 'chat', createdAt: 180, publicReplies: [190] });
    // Outside the window.
    await seed({ channel: 'email', createdAt: 3 * 24 * 60, publicReplies: [] });
  });
  afterAll(() => system?.stop());

  const window = { from: at(0), to: at(24 * 60) };

  it("measures a pilot's tickets within its window and scope; CSAT not measurable before any survey is answered", async () => {
    const [article] = await system.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO knowledge_articles (title, body, status, audience) VALUES ('Reset a password', 'Steps', 'published', 'public') RETURNING id`,
    );
    // One of the two solved email tickets was answered with an article.
    await system.dataSource.query(`INSERT INTO knowledge_article_links (article_id, ticket_id, linked_by) VALUES ($1, $2, $3)`, [article.id, ids[0], agentId]);
    expect(await measurePilotTickets(system.dataSource, { ...window, channels: ['email'] })).toEqual({
      tickets: 3,
      routingAccuracy: 2 / 3,
      firstResponseMinutes: 60,
      csat: null,
      articleLinkingRate: 1 / 2,
    });
  });

  it('measures the post-go-live KPIs', async () => {
    const kpis = await measureTicketKpis(system.dataSource, window);
    expect(kpis).toEqual({
      tickets: 4,
      firstResponseMinutes: (30 + 90 + 10) / 3,
      resolutionMinutes: (120 + 240) / 2,
      csat: null,
      ticketsPerAgentPerDay: 4,
      selfServiceRate: null,
      firstContactResolution: 1 / 2,
      escalationRate: 1 / 4,
      reopenRate: 1 / 2,
    });
  });

  it('measures CSAT from the surveys: answered surveys scoring 4 or 5', async () => {
    await system.dataSource.query(
      `INSERT INTO ticket_surveys (ticket_id, expires_at, score, answered_at)
       VALUES ($1, $4::timestamptz + interval '7 days', 5, $4), ($2, $4::timestamptz + interval '7 days', 2, $4), ($3, $4::timestamptz + interval '7 days', NULL, NULL)`,
      [ids[0], ids[1], ids[2], at(400)],
    );
    expect((await measurePilotTickets(system.dataSource, { ...window, channels: ['email'] })).csat).toBe(0.5);
  });

  describe('with a completed migration run', () => {
    let lead: string;
    let rolloutId: string;
    const runId = randomUUID();

    beforeAll(async () => {
      let leadId: string;
      ({ token: lead, userId: leadId } = await system.signIn(['implementation_lead']));
      const people = [{ role: 'lead', userId: leadId }];
      for (const role of ['admin', 'migration_operator', 'trainer']) people.push({ role, userId: (await system.signIn(['admin'])).userId });
      const input = { name: 'Migrated', templateId: 'unified-platform', startDate: '2026-11-02', people };
      const created = await system.graphql(`mutation($input: CreateRolloutInput!) { createRollout(input: $input) { id } }`, { input }, lead);
      rolloutId = created.data!.createRollout.id;
      await system.dataSource.query(
        `INSERT INTO migration_runs (id, source_system, source_key, source, mapping, status, report) VALUES ($1, 'csv', 'csv', '{}', '', 'completed', $2)`,
        [runId, JSON.stringify({ totals: { read: 100, imported: 96, updated: 0, rejected: 3, skipped: 1 } })],
      );
    });

    it('refuses a baseline from a run that brought in no tickets', async () => {
      const response = await system.graphql(`mutation($r: ID!, $m: ID!) { computeRolloutBaselineFromMigration(rolloutId: $r, migrationRunId: $m) }`, { r: rolloutId, m: runId }, lead);
      expect(response.errors?.[0]).toMatchObject({
        message: `The migration run ${runId} brought in no tickets to measure.`,
        extensions: { code: 'BAD_USER_INPUT' },
      });
    });

    it("measures the baseline from the run's imported tickets and reads the run for the migration gate", async () => {
      await system.dataSource.query(`UPDATE tickets SET import_run_id = $1 WHERE id = ANY($2::uuid[])`, [runId, [ids[0], ids[1]]]);

      const response = await system.graphql(`mutation($r: ID!, $m: ID!) { computeRolloutBaselineFromMigration(rolloutId: $r, migrationRunId: $m) }`, { r: rolloutId, m: runId }, lead);
      expect(response.errors).toBeUndefined();
      expect(response.data!.computeRolloutBaselineFromMigration).toMatchObject({
        firstResponseMinutes: 60,
        resolutionMinutes: 180,
        reopenRate: 0.5,
        volumes: { tickets: 2, byChannel: { email: 2 }, byCategory: { '(none)': 2 }, peakDays: ['Monday'], peakHours: [9, 10] },
      });

      const facts = await createRolloutMeasurementActivities({ dataSource: system.dataSource }).gateFacts(rolloutId);
      expect(facts).toMatchObject({
        baselineRecorded: true,
        migration: { status: 'completed', totals: { read: 100, imported: 96, updated: 0, rejected: 3, skipped: 1 } },
      });
    });
  });
});
