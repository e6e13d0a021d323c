import type { MappedRecord, RecordType } from '../../libs/domain/migration/index.js';
import { BatchPlan, REFERENCES, targetIdFor, TYPE_ORDER, type KnownRecord, type Write } from './batch-plan.js';
import type { ClassifiedRecord } from './source-cursors.js';

export interface Queryable {
  query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T>;
}

/**
 * Decides what happens to each record of a batch, reading only: rejects (unreadable, unmapped, dangling references,
 * no requester), skips (not an imported type, a repeat of the same record, unchanged since the last run: the delta),
 * merges (a new customer whose email, or organization whose name, already exists), inserts and updates.
 */
export async function planBatch(
  db: Queryable,
  sourceKey: string,
  classified: readonly ClassifiedRecord[],
  /** Ordinals of the export's problem tickets (ProblemsAhead): an incident's problem further on is linked when written. */
  problemsAhead: ReadonlyMap<string, number> = new Map(),
): Promise<BatchPlan> {
  const plan = new BatchPlan();
  const candidates: Array<{ item: ClassifiedRecord; record: MappedRecord }> = [];
  const seen = new Set<string>();
  for (const item of classified) {
    const { record, result } = item;
    if (record.type === 'other' && !record.unreadable) plan.count('other', 'skipped');
    else if (!result.ok) plan.reject(item, result.reason, result.detail);
    else if (seen.has(`${record.type}:${record.sourceId}`)) plan.count(record.type, 'skipped');
    else {
      seen.add(`${record.type}:${record.sourceId}`);
      candidates.push({ item, record: result.record });
    }
  }

  // Dependencies first, so a customer can point at an organization of the same batch, and an incident at its problem.
  const rank = ({ record }: { record: MappedRecord }) => TYPE_ORDER.indexOf(record.type) * 2 + (record.values.problemId == null ? 0 : 1);
  candidates.sort((a, b) => rank(a) - rank(b));
  const keys: Array<[RecordType, string]> = [];
  for (const { record } of candidates) {
    keys.push([record.type, record.sourceId]);
    for (const ref of REFERENCES[record.type]) {
      const value = record.values[ref.field];
      if (value !== null) keys.push([ref.target, String(value)]);
    }
  }
  const known = await lookUpIds(db, sourceKey, keys);
  const taken = await takenNaturalKeys(db, candidates.map(({ record }) => record));

  for (const { item, record } of candidates) {
    const ownKey = `${record.type}:${record.sourceId}`;
    const own = known.get(ownKey);
    if (own && own.sourceUpdatedAt !== null && record.sourceUpdatedAt !== null && record.sourceUpdatedAt <= own.sourceUpdatedAt) {
      plan.count(record.type, 'skipped');
      continue;
    }
    const refs: Write['refs'] = {};
    let problemAhead: string | undefined;
    const dangling = REFERENCES[record.type].find((ref) => {
      const value = record.values[ref.field];
      refs[ref.field] = value === null ? null : (known.get(`${ref.target}:${String(value)}`)?.targetId ?? null);
      if (value === null || refs[ref.field] !== null) return false;
      // A problem further on in the export: imported unlinked now, linked when the problem's batch is written.
      if (ref.field === 'problemId' && (problemsAhead.get(String(value)) ?? -1) > item.ordinal) problemAhead = String(value);
      return problemAhead === undefined;
    });
    if (dangling) {
      plan.reject(item, dangling.reason, `${dangling.field} ${String(record.values[dangling.field])} is not among the imported ${dangling.target}s.`);
      continue;
    }
    if (record.type === 'ticket' && refs.requesterId === null && record.values.requesterEmail === null) {
      plan.reject(item, 'missing_requester', 'The ticket names no requester and the mapping gives no default.');
      continue;
    }
    const naturalKey = own ? null : naturalKeyOf(record);
    const existing = naturalKey === null ? undefined : taken.get(`${record.type}:${naturalKey}`);
    if (naturalKey !== null && existing !== undefined) {
      // One customer per email and one organization per name: a new record repeating one is merged into it, and reported.
      plan.merge({ record, mergedInto: existing, naturalKey });
      known.set(ownKey, { targetId: existing, sourceUpdatedAt: null });
      continue;
    }
    const targetId = own?.targetId ?? targetIdFor(sourceKey, record.type, record.sourceId);
    if (naturalKey !== null) taken.set(`${record.type}:${naturalKey}`, targetId);
    if (record.type === 'customer') record.values.email = String(record.values.email).trim().toLowerCase();
    plan.write({ record, targetId, insert: !own, refs, ...(problemAhead !== undefined && { problemAhead }) });
    known.set(ownKey, { targetId, sourceUpdatedAt: record.sourceUpdatedAt });
  }

  await resolveRequesters(db, sourceKey, plan);
  return plan;
}

async function lookUpIds(db: Queryable, sourceKey: string, keys: Array<[RecordType, string]>): Promise<Map<string, KnownRecord>> {
  if (keys.length === 0) return new Map();
  const rows = await db.query<Array<{ record_type: string; source_id: string; target_id: string; source_updated_at: Date | null }>>(
    `SELECT m.record_type, m.source_id, m.target_id, m.source_updated_at
       FROM migration_id_map m JOIN unnest($2::text[], $3::text[]) AS k(record_type, source_id)
         ON m.record_type = k.record_type AND m.source_id = k.source_id
      WHERE m.source_key = $1`,
    [sourceKey, keys.map(([type]) => type), keys.map(([, id]) => id)],
  );
  return new Map(rows.map((row) => [`${row.record_type}:${row.source_id}`, { targetId: row.target_id, sourceUpdatedAt: row.source_updated_at?.getTime() ?? null }]));
}

function naturalKeyOf(record: MappedRecord): string | null {
  if (record.type === 'customer') return String(record.values.email).trim().toLowerCase();
  if (record.type === 'organization') return String(record.values.name).trim().toLowerCase();
  return null;
}

/** Emails and organization names of the batch that the help desk already has, with the row that has them. */
async function takenNaturalKeys(db: Queryable, records: MappedRecord[]): Promise<Map<string, string>> {
  const keysOf = (type: RecordType) => records.filter((record) => record.type === type).map(naturalKeyOf);
  const taken = new Map<string, string>();
  const emails = keysOf('customer');
  const names = keysOf('organization');
  if (emails.length > 0) {
    for (const row of await db.query<Array<{ id: string; email: string }>>('SELECT id, email FROM customers WHERE email = ANY($1)', [emails])) {
      taken.set(`customer:${row.email}`, row.id);
    }
  }
  if (names.length > 0) {
    for (const row of await db.query<Array<{ id: string; name: string }>>('SELECT id, lower(name) AS name FROM organizations WHERE lower(name) = ANY($1)', [names])) {
      taken.set(`organization:${row.name}`, row.id);
    }
  }
  return taken;
}

/**
 * A ticket's requester: the imported customer (and their email), or the customer the requester email (mapped or the
 * mapping's default) names — created when there is none yet, as the customer of a mapped email would have been.
 */
async function resolveRequesters(db: Queryable, sourceKey: string, plan: BatchPlan): Promise<void> {
  const tickets = plan.writes.filter((write) => write.record.type === 'ticket');
  if (tickets.length === 0) return;
  const ids = tickets.map((write) => write.refs.requesterId).filter((id) => id !== null);
  const emails = tickets.map((write) => write.record.values.requesterEmail).filter((email) => email !== null).map((email) => String(email).toLowerCase());
  const rows = await db.query<Array<{ id: string; email: string }>>('SELECT id, email FROM customers WHERE id = ANY($1::uuid[]) OR email = ANY($2)', [ids, emails]);
  const byId = new Map(rows.map((row) => [row.id, row.email]));
  const byEmail = new Map(rows.map((row) => [row.email, row.id]));
  for (const write of tickets) {
    const requesterId = write.refs.requesterId;
    const email = requesterId !== null ? byId.get(requesterId)! : String(write.record.values.requesterEmail).toLowerCase();
    write.refs.customerId = requesterId ?? byEmail.get(email) ?? plan.requesterCustomer(sourceKey, email).targetId;
    write.refs.requesterEmail = email;
  }
}
