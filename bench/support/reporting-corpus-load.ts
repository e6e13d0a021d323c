import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import { stripTablesForBulkLoad } from './bulk-load-indexes.js';
import {
  EVENT_COLUMNS,
  generateChunk,
  MESSAGE_COLUMNS,
  SLA_TARGETS,
  seededUuid,
  SURVEY_COLUMNS,
  TICKET_COLUMNS,
  type CorpusSetup,
} from './reporting-corpus.js';
import { seededRandom } from './seeded-random.js';

// Loading the year of history of reporting-corpus.ts into a migrated database: the help desk it belongs to (groups,
// agents, calendar, SLA policies), then the four tables with COPY into bare heaps, their keys, indexes and foreign
// keys rebuilt once, and VACUUM ANALYZE. The reporting and the read-side benchmarks both start from it.

export const CORPUS_TABLES = ['tickets', 'ticket_events', 'ticket_messages', 'ticket_surveys'];

export interface HelpdeskShape {
  tickets: number;
  /** Epoch ms: the corpus's "now". */
  now: number;
  groups: number;
  agentsPerGroup: number;
  seed: number;
}

export interface LoadedCorpus {
  /** Ticket ids in creation order. */
  ids: string[];
  counts: { tickets: number; events: number; messages: number; surveys: number };
  /** Keys, indexes and foreign keys dropped before the COPY (and rebuilt after it). */
  dropped: number;
  copyMs: number;
  keysAndIndexesMs: number;
  foreignKeysMs: number;
  vacuumMs: number;
}

/** The help desk the history belongs to: agents (users), groups, a business calendar and the two SLA policies. */
export async function insertCorpusHelpdesk(dataSource: DataSource, shape: HelpdeskShape): Promise<CorpusSetup> {
  const random = seededRandom(shape.seed + 1);
  const groupIds: string[] = [];
  for (let i = 0; i < shape.groups; i++) {
    const [{ id }] = await dataSource.query<Array<{ id: string }>>(`INSERT INTO groups (id, name) VALUES ($1, $2) RETURNING id`, [seededUuid(random), `Group ${i + 1}`]);
    groupIds.push(id);
  }
  const agentIds = Array.from({ length: shape.groups * shape.agentsPerGroup }, () => seededUuid(random));
  await dataSource.query(
    `INSERT INTO users (id, email, display_name, password_hash, roles)
     SELECT id, 'agent' || n || '@example.com', 'Agent ' || n, '-', '{agent}' FROM unnest($1::uuid[]) WITH ORDINALITY AS a(id, n)`,
    [agentIds],
  );
  const [{ id: calendarId }] = await dataSource.query<Array<{ id: string }>>(
    `INSERT INTO business_calendars (name, time_zone, intervals, holidays) VALUES ('Office hours', 'Europe/Paris', $1, '[]') RETURNING id`,
    [JSON.stringify([1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '18:00' })))],
  );
  const policy = async (name: string, priorities: string[], businessHours: boolean, position: number) => {
    const targets = Object.fromEntries(
      priorities.map((priority) => [
        priority,
        {
          first_reply: { minutes: SLA_TARGETS[priority].first_reply, businessHours },
          resolution: { minutes: SLA_TARGETS[priority].resolution, businessHours },
        },
      ]),
    );
    // jsonb parameters go in as JSON text: node-postgres would turn a JS array into a PostgreSQL array.
    const [{ id }] = await dataSource.query<Array<{ id: string }>>(
      `INSERT INTO sla_policies (name, position, conditions, targets, pause_while, warning_thresholds, calendar_id)
       VALUES ($1, $2, $3, $4, $5, '[0.75]', $6) RETURNING id`,
      [name, position, JSON.stringify({ priorities }), JSON.stringify(targets), JSON.stringify({ resolution: ['pending', 'on_hold'] }), businessHours ? calendarId : null],
    );
    return { id, name };
  };
  return {
    tickets: shape.tickets,
    now: shape.now,
    groupIds,
    agentIds,
    agentsPerGroup: shape.agentsPerGroup,
    policies: { allHours: await policy('Urgent 24x7', ['urgent', 'high'], false, 0), businessHours: await policy('Standard', ['normal', 'low'], true, 1) },
    customers: Math.max(1000, Math.floor(shape.tickets / 5)),
  };
}

/** COPY into bare tables (their keys, indexes and foreign keys dropped first and built once afterwards), then VACUUM ANALYZE. */
export async function loadCorpus(dataSource: DataSource, url: string, setup: CorpusSetup, seed: number): Promise<LoadedCorpus> {
  const stripped = await stripTablesForBulkLoad(dataSource, CORPUS_TABLES);
  const started = performance.now();
  const { ids, counts } = await copyCorpus(url, setup, seed);
  const copyMs = performance.now() - started;
  const rebuilt = await stripped.restore();
  const vacuumStarted = performance.now();
  await dataSource.query(`VACUUM ANALYZE ${CORPUS_TABLES.join(', ')}`);
  return { ids, counts, dropped: stripped.dropped, copyMs, ...rebuilt, vacuumMs: performance.now() - vacuumStarted };
}

/** Generates the history in one pass and streams each table's lines into its own COPY, the four side by side. */
async function copyCorpus(url: string, setup: CorpusSetup, seed: number): Promise<Pick<LoadedCorpus, 'ids' | 'counts'>> {
  const random = seededRandom(seed);
  const targets = [
    `COPY tickets (${TICKET_COLUMNS.join(', ')}) FROM STDIN`,
    `COPY ticket_events (${EVENT_COLUMNS.join(', ')}) FROM STDIN`,
    `COPY ticket_messages (${MESSAGE_COLUMNS.join(', ')}) FROM STDIN`,
    `COPY ticket_surveys (${SURVEY_COLUMNS.join(', ')}) FROM STDIN`,
  ];
  const clients = targets.map(() => new pg.Client({ connectionString: url }));
  await Promise.all(clients.map((client) => client.connect()));
  const ids: string[] = [];
  const counts = { tickets: 0, events: 0, messages: 0, surveys: 0 };
  try {
    const streams = targets.map(() => new PassThrough());
    const copies = targets.map((target, index) => pipeline(streams[index], clients[index].query(copyFrom(target))));
    const produce = async () => {
      const batch = 500;
      for (let from = 0; from < setup.tickets; from += batch) {
        const chunk = generateChunk(setup, random, from, Math.min(batch, setup.tickets - from), ids);
        counts.tickets += chunk.ticketCount;
        counts.events += chunk.eventCount;
        counts.messages += chunk.messageCount;
        counts.surveys += chunk.surveyCount;
        const waits: Array<Promise<unknown>> = [];
        [chunk.tickets, chunk.events, chunk.messages, chunk.surveys].forEach((text, index) => {
          if (text.length > 0 && !streams[index].write(text)) waits.push(once(streams[index], 'drain'));
        });
        await Promise.all(waits);
      }
      for (const stream of streams) stream.end();
    };
    await Promise.all([produce(), ...copies]);
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
  return { ids, counts };
}
