import type pg from 'pg';
import type { ImportedType, MigrationPhase } from '../../libs/domain/migration/index.js';
import { TYPE_ORDER, type BatchPlan, type Write } from './batch-plan.js';
import { refreshTicketReportFacts } from '../../libs/db/reporting/ticket-report-facts.js';
import { copyRows, type CopyValue } from './copy-rows.js';
import { ticketTypeOrDefault, type TicketType, type TicketTypeDefaults } from '../../libs/domain/tickets/ticket-type.js';
import { readTicketTypeDefaults } from '../../libs/db/ticket-type-defaults.js';

interface TargetTable {
  table: string;
  columns: readonly string[];
  /** Columns a later run may change; a ticket's lifecycle (status, priority, …) belongs to its workflow once imported. */
  updatable: readonly string[];
  row(write: Write, settings: WriteSettings): CopyValue[];
}

/** What the help desk's settings say about the rows a batch writes. */
interface WriteSettings {
  /** The admin's default ticket type per channel, for tickets the export gives no type. */
  typeDefaults: TicketTypeDefaults;
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
const DONE = ['solved', 'closed'];

const TABLES: Record<ImportedType, TargetTable> = {
  organization: {
    table: 'organizations',
    columns: ['id', 'name', 'domains', 'tier', 'updated_at'],
    updatable: ['name', 'domains', 'tier', 'updated_at'],
    row: ({ targetId, record: { values } }) => [targetId, text(values.name), list(values.domains), text(values.tier), text(values.updatedAt) ?? new Date()],
  },
  customer: {
    table: 'customers',
    columns: ['id', 'email', 'name', 'organization_id', 'updated_at'],
    updatable: ['name', 'organization_id', 'updated_at'],
    row: ({ targetId, record: { values }, refs }) => [targetId, text(values.email), text(values.name), refs.organizationId, text(values.updatedAt) ?? new Date()],
  },
  ticket: {
    table: 'tickets',
    columns: [
      'id', 'subject', 'description', 'requester_email', 'customer_id', 'organization_id', 'channel', 'priority', 'status',
      'tags', 'fields', 'created_at', 'updated_at', 'solved_at', 'closed_at', 'first_reply_at', 'type', 'problem_id',
    ],
    updatable: ['subject', 'description', 'tags', 'fields', 'first_reply_at'],
    row: ({ targetId, record: { values, customFields }, refs }, { typeDefaults }) => {
      const status = String(values.status);
      const [solvedAt, closedAt, updatedAt] = [text(values.solvedAt), text(values.closedAt), text(values.updatedAt)];
      // A done ticket's times come from the export, the last change standing in for them; never from its creation,
      // which would make its resolution time zero: without any of them it is unknown (null), and reports leave it out.
      return [
        targetId, text(values.subject), text(values.description), refs.requesterEmail, refs.customerId, refs.organizationId,
        text(values.channel), text(values.priority), status, list(values.tags), customFields, text(values.createdAt),
        updatedAt ?? closedAt ?? solvedAt ?? text(values.createdAt),
        DONE.includes(status) ? (solvedAt ?? closedAt ?? updatedAt) : null,
        status === 'closed' ? (closedAt ?? updatedAt ?? solvedAt) : null,
        text(values.firstReplyAt),
        // A ticket the export gives no type has its channel's default; the type then belongs to the workflow, like priority.
        ticketTypeOrDefault(text(values.type) as TicketType | null, String(values.channel), typeDefaults),
        // Imported linked, as the incident's workflow would have linked it; later runs leave the link to the workflow.
        refs.problemId ?? null,
      ];
    },
  },
  message: {
    table: 'ticket_messages',
    columns: ['id', 'ticket_id', 'author_type', 'body', 'is_public', 'created_at'],
    updatable: ['body', 'is_public'],
    row: ({ targetId, record: { values }, refs }) => [targetId, refs.ticketId, text(values.authorType), text(values.body), Boolean(values.isPublic), text(values.createdAt)],
  },
  article: {
    table: 'knowledge_articles',
    columns: ['id', 'title', 'body', 'tags', 'status', 'audience', 'created_at', 'updated_at'],
    updatable: ['title', 'body', 'tags', 'status', 'audience', 'updated_at'],
    row: ({ targetId, record: { values } }) => {
      const createdAt = text(values.createdAt) ?? new Date();
      return [targetId, text(values.title), text(values.body), list(values.tags), text(values.status), text(values.audience), createdAt, text(values.updatedAt) ?? createdAt];
    },
  },
};

export interface BatchContext {
  runId: string;
  sourceKey: string;
  phase: MigrationPhase;
}

/**
 * Writes a planned batch inside the caller's transaction: each table's rows are COPYed into a staging table and
 * upserted from there in one statement (new rows carry the run's id; updated rows keep the run that inserted them),
 * then the id map, the rejects with their source records, and the merges; last, the report facts of every ticket the
 * batch wrote or added messages to (imported history counts in reports with its original times).
 */
export async function writeBatch(client: pg.PoolClient, context: BatchContext, plan: BatchPlan): Promise<void> {
  const settings: WriteSettings = {
    typeDefaults: plan.writesOf('ticket').length > 0 ? await readTicketTypeDefaults(async (text, values) => (await client.query(text, values)).rows) : {},
  };
  for (const type of TYPE_ORDER) {
    const writes = plan.writesOf(type);
    if (writes.length > 0) await upsert(client, context.runId, TABLES[type], writes, settings);
  }
  const mapped = [
    ...[...plan.writes, ...plan.requesterCustomers.values()].map((write) => ({ record: write.record, targetId: write.targetId })),
    ...plan.merges.map((merge) => ({ record: merge.record, targetId: merge.mergedInto })),
  ];
  if (mapped.length > 0) {
    await client.query(
      `INSERT INTO migration_id_map (source_key, record_type, source_id, target_id, run_id, source_updated_at)
       SELECT $1, type, source_id, target_id, $2, to_timestamp(updated_ms / 1000.0)
         FROM unnest($3::text[], $4::text[], $5::text[], $6::float8[]) AS m(type, source_id, target_id, updated_ms)
       ON CONFLICT (source_key, record_type, source_id) DO UPDATE SET source_updated_at = EXCLUDED.source_updated_at`,
      [
        context.sourceKey,
        context.runId,
        mapped.map(({ record }) => record.type),
        mapped.map(({ record }) => record.sourceId),
        mapped.map(({ targetId }) => targetId),
        mapped.map(({ record }) => record.sourceUpdatedAt),
      ],
    );
  }
  if (plan.rejects.length > 0) {
    await copyRows(
      client,
      'migration_rejects',
      ['run_id', 'phase', 'record_type', 'source_id', 'line', 'reason', 'detail', 'source_record'],
      plan.rejects.map(({ record: { record }, reason, detail }) => [
        context.runId, context.phase, record.type, record.sourceId, record.line, reason, detail, record.fields,
      ]),
    );
  }
  if (plan.merges.length > 0) {
    await client.query(
      `INSERT INTO migration_merges (run_id, record_type, source_id, merged_into, natural_key)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) ON CONFLICT DO NOTHING`,
      [
        context.runId,
        plan.merges.map((merge) => merge.record.type),
        plan.merges.map((merge) => merge.record.sourceId),
        plan.merges.map((merge) => merge.mergedInto),
        plan.merges.map((merge) => merge.naturalKey),
      ],
    );
  }
  await recordImportedCreations(client, plan.writes.filter((write) => write.insert && write.record.type === 'ticket').map((write) => write.targetId));
  const touchedTickets = plan.writes.flatMap((write) => {
    if (write.record.type === 'ticket') return [write.targetId];
    return write.record.type === 'message' && write.refs.ticketId ? [write.refs.ticketId] : [];
  });
  const linkedEarlier = await linkIncidentsToProblemsWritten(client, context.sourceKey, plan.writesOf('ticket'));
  await refreshTicketReportFacts(async (text, values) => (await client.query(text, values)).rows, [...touchedTickets, ...linkedEarlier]);
}

/**
 * Incidents whose problem comes further on in the export wait in migration_pending_problem_links; a batch writing
 * tickets links those whose problem it wrote (through the id map, written just before) and returns them. Their
 * workflows start after the phase, so the link is the row's before any workflow reads it.
 */
async function linkIncidentsToProblemsWritten(client: pg.PoolClient, sourceKey: string, tickets: Write[]): Promise<string[]> {
  const waiting = tickets.filter((write) => write.problemAhead !== undefined);
  if (waiting.length > 0) {
    await client.query(
      `INSERT INTO migration_pending_problem_links (incident_id, source_key, problem_source_id)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[]) ON CONFLICT (incident_id) DO UPDATE SET problem_source_id = EXCLUDED.problem_source_id`,
      [waiting.map((write) => write.targetId), waiting.map(() => sourceKey), waiting.map((write) => write.problemAhead)],
    );
  }
  const problems = tickets.filter((write) => write.record.values.type === 'problem').map((write) => write.record.sourceId);
  if (problems.length === 0) return [];
  const linked = await client.query<{ id: string }>(
    `WITH found AS (
       DELETE FROM migration_pending_problem_links p USING migration_id_map m
        WHERE p.source_key = $1 AND p.problem_source_id = ANY($2::text[])
          AND m.source_key = p.source_key AND m.record_type = 'ticket' AND m.source_id = p.problem_source_id
       RETURNING p.incident_id, m.target_id)
     UPDATE tickets t SET problem_id = found.target_id::uuid FROM found WHERE t.id = found.incident_id RETURNING t.id`,
    [sourceKey, problems],
  );
  return linked.rows.map((row) => row.id);
}

/**
 * The `created` event of each new ticket's timeline, at its original time (closed tickets get no workflow to write
 * one). An open ticket's workflow writes its own events after it; its `created`, of the same sequence, is kept as this.
 */
async function recordImportedCreations(client: pg.PoolClient, ticketIds: string[]): Promise<void> {
  if (ticketIds.length === 0) return;
  await client.query(
    `INSERT INTO ticket_events (ticket_id, sequence, type, actor, occurred_at, data)
     SELECT id, 1, 'created', 'system', created_at, jsonb_build_object('channel', channel, 'followUpOf', NULL, 'imported', true)
       FROM tickets WHERE id = ANY($1::uuid[])
     ON CONFLICT (ticket_id, sequence) DO NOTHING`,
    [ticketIds],
  );
}

async function upsert(client: pg.PoolClient, runId: string, target: TargetTable, writes: Write[], settings: WriteSettings): Promise<void> {
  const stage = `stage_${target.table}`;
  const columns = target.columns.join(', ');
  await client.query(`CREATE TEMP TABLE ${stage} ON COMMIT DROP AS SELECT ${columns} FROM ${target.table} WITH NO DATA`);
  await copyRows(client, stage, target.columns, writes.map((write) => target.row(write, settings)));
  await client.query(
    `INSERT INTO ${target.table} (${columns}, import_run_id)
     SELECT ${columns}, $1 FROM ${stage}
     ON CONFLICT (id) DO UPDATE SET ${target.updatable.map((column) => `${column} = EXCLUDED.${column}`).join(', ')}`,
    [runId],
  );
}
