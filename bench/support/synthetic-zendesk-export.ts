import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { seededRandom } from './seeded-random.js';

export interface ExportSize {
  customers: number;
  tickets: number;
  messages: number;
}

// One ticket in ten open (each starts a lifecycle workflow), the rest solved or closed, as in a help desk's history.
const STATUSES = ['open', 'closed', 'solved', 'closed', 'closed', 'closed', 'solved', 'closed', 'closed', 'closed'];
const PRIORITIES = ['low', 'normal', 'high', 'urgent', null];
const CHANNELS = ['email', 'web', 'voice', 'chat', 'api'];
const DAY_MS = 86_400_000;

/**
 * Writes a synthetic Zendesk export as NDJSON (`{"stream", "data"}` per line, as the real sandbox records): one
 * organization per ten customers, end users, tickets spread over two years (one in ten open), comments spread over the
 * tickets. Streamed to disk with back-pressure, so a million messages never sit in memory. Returns the lines written.
 */
export async function writeSyntheticZendeskExport(file: string, size: ExportSize, now: number): Promise<number> {
  const random = seededRandom(42);
  const out = createWriteStream(file);
  let lines = 0;
  const write = async (stream: string, data: Record<string, unknown>) => {
    lines += 1;
    if (!out.write(`${JSON.stringify({ stream, data })}\n`)) await once(out, 'drain');
  };
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY_MS).toISOString();
  const organizations = Math.max(1, Math.ceil(size.customers / 10));
  for (let id = 1; id <= organizations; id++) {
    await write('organizations', { id, name: `Organization ${id}`, domain_names: [`org${id}.example`], created_at: at(800), updated_at: at(700) });
  }
  for (let id = 1; id <= size.customers; id++) {
    await write('users', {
      id: 1_000_000 + id, name: `Customer ${id}`, email: `customer${id}@org${(id % organizations) + 1}.example`, role: 'end-user',
      organization_id: (id % organizations) + 1, created_at: at(800), updated_at: at(600),
    });
  }
  for (let id = 1; id <= size.tickets; id++) {
    const age = random.int(0, 730);
    await write('tickets', {
      id, subject: `Synthetic ticket ${id}`, description: `Something is wrong with order ${id}.`, status: STATUSES[id % STATUSES.length],
      priority: PRIORITIES[id % PRIORITIES.length], via: { channel: CHANNELS[id % CHANNELS.length] }, requester_id: 1_000_000 + ((id % size.customers) + 1),
      organization_id: null, tags: id % 3 === 0 ? ['synthetic', 'billing'] : ['synthetic'], custom_fields: [{ id: 1, value: `plan-${id % 4}` }],
      created_at: at(age + 1), updated_at: at(age),
    });
  }
  for (let id = 1; id <= size.messages; id++) {
    await write('ticket_comments', {
      id, ticket_id: (id % size.tickets) + 1, author_id: 1_000_001, body: `Reply ${id}: have you tried turning it off and on again?`,
      public: id % 5 !== 0, attachments: [], created_at: at(1),
    });
  }
  out.end();
  await once(out, 'finish');
  return lines;
}
