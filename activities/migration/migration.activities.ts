import { heartbeat } from '@temporalio/activity';
import iconv from 'iconv-lite';
import { createHash } from 'node:crypto';
import { access, constants, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { NOTIFY_MIGRATION_PROGRESS } from '../../libs/db/migration-progress-events.js';
import {
  mapRecord,
  missingCsvColumns,
  parseMapping,
  phaseOf,
  readSourcePath,
  selectSample,
  type MappingIssue,
  type MigrationMapping,
  type ParsedMapping,
  type SampleCandidate,
} from '../../libs/domain/migration/index.js';
import type {
  BatchRequest,
  BatchResult,
  MigrationRunStatus,
  PreflightResult,
  SampleResult,
} from '../../workflows/migration/migration.contract.js';
import { estimateImportSeconds } from './import-estimate.js';
import { PhaseSpools } from './phase-spools.js';
import { planBatch } from './plan-batch.js';
import { ProblemsAhead } from './problems-ahead.js';
import { importedTicketWorkflowStarts, startImportedTicketWorkflows } from './start-imported-ticket-workflows.js';
import { readCsvHeader } from './sources/csv-source.js';
import { readSource } from './sources/read-source.js';
import type { SourceSpec } from './sources/source-spec.js';
import { SourceCursors, type ClassifiedRecord } from './source-cursors.js';
import { writeBatch } from './write-batch.js';

export interface MigrationActivityDeps {
  dataSource: DataSource;
}

/** Long reads of the export tell Temporal the activity is alive this often (records). */
const HEARTBEAT_EVERY = 1_000;

interface LoadedRun {
  runId: string;
  source: SourceSpec;
  sourceKey: string;
  parsed: ParsedMapping;
  startedAt: number;
}

/** The migration run's side effects. Each is idempotent: a batch commits atomically, and a retried batch finds its result. */
export function createMigrationActivities({ dataSource }: MigrationActivityDeps) {
  const cursors = new SourceCursors();
  const spools = new PhaseSpools();
  const problemsAhead = new ProblemsAhead(spools);

  const loadRun = async (runId: string): Promise<LoadedRun> => {
    const [row] = await dataSource.query<Array<{ source: SourceSpec; source_key: string; mapping: string; started_at: Date }>>(
      'SELECT source, source_key, mapping, started_at FROM migration_runs WHERE id = $1',
      [runId],
    );
    if (!row) throw new Error(`Migration run ${runId} does not exist.`);
    return { runId, source: row.source, sourceKey: row.source_key, parsed: parseMapping(row.mapping), startedAt: row.started_at.getTime() };
  };

  const mappingOf = (run: LoadedRun): MigrationMapping => {
    if (!run.parsed.mapping) throw new Error('The mapping has issues; the preflight reports them.');
    return run.parsed.mapping;
  };

  /** Every source record with what the mapping makes of it and its phase, in export order. */
  async function* classify(run: LoadedRun): AsyncGenerator<ClassifiedRecord> {
    const mapping = mappingOf(run);
    let ordinal = 0;
    for await (const record of readSource(run.source, mapping)) {
      const result = mapRecord(mapping, record);
      yield { ordinal, record, result, phase: phaseOf(record.type, result.ok ? result.record.values : (result.values ?? null), run.startedAt) };
      ordinal += 1;
      if (ordinal % HEARTBEAT_EVERY === 0) heartbeat(ordinal);
    }
  }

  return {
    /** Reads the whole source once: counts per type and phase, the mapping's issues with their lines, an estimate. */
    async preflight(runId: string): Promise<PreflightResult> {
      const run = await loadRun(runId);
      const result: PreflightResult = { issues: [...run.parsed.issues, ...(await unreadableSource(run))], unmappedValues: [], recordsByType: {}, recordsByPhase: {}, expectedRejects: {}, estimatedSeconds: null };
      if (result.issues.length > 0) return result;
      result.issues.push(...(await missingColumns(run)));
      if (result.issues.length > 0) return result;
      const unmapped = new Map<string, MappingIssue>();
      for await (const { record, result: mapped, phase } of classify(run)) {
        result.recordsByType[record.type] = (result.recordsByType[record.type] ?? 0) + 1;
        result.recordsByPhase[phase] = (result.recordsByPhase[phase] ?? 0) + 1;
        if (mapped.ok || record.type === 'other') continue;
        result.expectedRejects[mapped.reason] = (result.expectedRejects[mapped.reason] ?? 0) + 1;
        if (mapped.reason === 'unmapped_value') {
          const [field] = mapped.detail.split(':');
          const value = /"(.*)"/.exec(mapped.detail)?.[1] ?? '';
          const path = ['types', record.type, 'values', field];
          unmapped.set(`${record.type}.${field}=${value}`, {
            line: run.parsed.lineOf(path),
            path: path.join('.'),
            message: `Source value "${value}" of ${record.type}.${field} is not mapped (first seen at line ${record.line} of the source).`,
          });
        }
      }
      result.unmappedValues = [...unmapped.values()];
      const total = Object.values(result.recordsByType).reduce((sum, count) => sum + count, 0);
      result.estimatedSeconds = await estimateImportSeconds(dataSource, total);
      return result;
    },

    /**
     * The sample run: picks records by the sample rule and keeps each beside what the mapping makes of it, in the
     * run's sample scope (migration_samples), never in the help desk's tables.
     */
    async runSample({ runId, attempt, size }: { runId: string; attempt: number; size: number }): Promise<SampleResult> {
      const run = await loadRun(runId);
      const mapping = mappingOf(run);
      const candidates: SampleCandidate[] = [];
      const threads = new Map<string, number>();
      const records = new Map<string, ClassifiedRecord>();
      const ticketRules = mapping.types.ticket;
      const messageTicket = mapping.types.message?.fields.ticketId?.from;
      for await (const item of classify(run)) {
        const { record } = item;
        if (record.type === 'message' && messageTicket) {
          const ticketId = String(readSourcePath(record.fields, messageTicket));
          threads.set(ticketId, (threads.get(ticketId) ?? 0) + 1);
        }
        if (record.type === 'message' || record.type === 'other') continue;
        records.set(`${record.type}:${record.sourceId}`, item);
        const raw = (field: string) => {
          const from = ticketRules?.fields[field]?.from;
          const value = from ? readSourcePath(record.fields, from) : null;
          return value === null || value === undefined ? null : String(value);
        };
        candidates.push({
          type: record.type,
          sourceId: record.sourceId,
          status: record.type === 'ticket' ? raw('status') : null,
          priority: record.type === 'ticket' ? raw('priority') : null,
          createdAt: item.result.ok && typeof item.result.record.values.createdAt === 'string' ? Date.parse(item.result.record.values.createdAt) : null,
          threadLength: 0,
          hasAttachments: Array.isArray(record.fields.attachments) && record.fields.attachments.length > 0,
          hasCustomFields: item.result.ok && Object.keys(item.result.record.customFields).length > 0,
        });
      }
      for (const candidate of candidates) candidate.threadLength = threads.get(candidate.sourceId) ?? 0;
      const chosen = selectSample(candidates, size).map((key) => records.get(key)!);
      await dataSource.transaction(async (tx) => {
        await tx.query('DELETE FROM migration_samples WHERE run_id = $1 AND attempt = $2', [runId, attempt]);
        for (const [position, { record, result }] of chosen.entries()) {
          await tx.query(
            `INSERT INTO migration_samples (run_id, attempt, position, record_type, source_id, line, source_record, target, reject_reason, reject_detail)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
            [
              runId, attempt, position, record.type, record.sourceId, record.line, record.fields,
              result.ok ? { values: result.record.values, customFields: result.record.customFields } : null,
              result.ok ? null : result.reason, result.ok ? null : result.detail,
            ],
          );
        }
      });
      const mapped = chosen.filter(({ result }) => result.ok).length;
      return { attempt, selected: chosen.length, mapped, rejected: chosen.length - mapped };
    },

    /**
     * One batch of a phase, in one transaction: planned, COPYed and upserted, rejects and the id map written, the batch
     * recorded with its cursor. A retry of a batch that committed returns what it recorded and writes nothing.
     */
    async importBatch(request: BatchRequest): Promise<BatchResult> {
      const done = await recordedBatch(dataSource, request);
      if (done) return done;
      const began = Date.now();
      const run = await loadRun(request.runId);
      const spoolKey = await spoolKeyOf(run);
      const slice = await cursors.take(`${run.runId}:${request.phase}`, request.cursor, request.phase, request.batchSize, () =>
        spools.read(run.runId, spoolKey, request.phase, () => classify(run)),
      );
      const runner = dataSource.createQueryRunner();
      const client = (await runner.connect()) as pg.PoolClient;
      try {
        await client.query('BEGIN');
        const rows = { query: async <T,>(sql: string, parameters?: unknown[]) => (await client.query(sql, parameters)).rows as T };
        // Later phases find every problem imported already (they all come in the first ticket phase).
        const problems = request.phase === 'open_tickets' ? await problemsAhead.of(run.runId, spoolKey, () => classify(run)) : new Map<string, number>();
        const plan = await planBatch(rows, run.sourceKey, slice.records, problems);
        await writeBatch(client, { runId: run.runId, sourceKey: run.sourceKey, phase: request.phase }, plan);
        const result: BatchResult = {
          counts: plan.totals(),
          byType: plan.byType,
          merges: plan.merges.length,
          nextCursor: slice.nextCursor,
          exhausted: slice.exhausted,
          durationMs: Date.now() - began,
        };
        await client.query(
          `INSERT INTO migration_batches (run_id, phase, batch_no, cursor_from, cursor_to, exhausted, result)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [request.runId, request.phase, request.batchNo, request.cursor, slice.nextCursor, slice.exhausted, result],
        );
        await client.query(
          `UPDATE migration_runs SET report = jsonb_set(report, '{totals}', (
             SELECT jsonb_object_agg(key, coalesce((report->'totals'->>key)::bigint, 0) + (value)::bigint)
               FROM jsonb_each_text($2::jsonb))), updated_at = now()
           WHERE id = $1`,
          [request.runId, result.counts],
        );
        await client.query(NOTIFY_MIGRATION_PROGRESS, [request.runId]);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        await runner.release();
      }
    },

    /** After the open tickets are in: their lifecycle workflows, from their original timestamps. */
    startOpenTicketWorkflows(runId: string): Promise<number> {
      return startImportedTicketWorkflows(dataSource, runId);
    },

    /** Open tickets of the run, and how many of their workflows have started (written their first state). */
    countOpenTicketWorkflowStarts(runId: string): Promise<{ expected: number; started: number }> {
      return importedTicketWorkflowStarts(dataSource, runId);
    },

    async saveRunState({ runId, status, phase, waitingReason }: { runId: string; status: MigrationRunStatus; phase: string | null; waitingReason: string | null }): Promise<void> {
      await dataSource.transaction(async (tx) => {
        await tx.query(`UPDATE migration_runs SET status = $2, phase = $3, waiting_reason = $4, updated_at = now() WHERE id = $1`, [
          runId,
          status,
          phase,
          waitingReason,
        ]);
        await tx.query(NOTIFY_MIGRATION_PROGRESS, [runId]);
      });
    },

    /** Writes the final report from what the batches committed: totals, per phase and type, rejects by reason, merges. */
    async finishRun({ runId, status }: { runId: string; status: 'completed' | 'cancelled' }): Promise<void> {
      await dataSource.transaction(async (tx) => {
        await tx.query(
          `UPDATE migration_runs r SET status = $2, phase = NULL, waiting_reason = NULL, finished_at = now(), updated_at = now(),
                  report = r.report || jsonb_build_object(
                    'phases', coalesce((SELECT jsonb_object_agg(phase, counts) FROM (
                        SELECT phase, jsonb_build_object(
                          'read', sum((b.result->'counts'->>'read')::bigint), 'imported', sum((b.result->'counts'->>'imported')::bigint),
                          'updated', sum((b.result->'counts'->>'updated')::bigint), 'rejected', sum((b.result->'counts'->>'rejected')::bigint),
                          'skipped', sum((b.result->'counts'->>'skipped')::bigint), 'batches', count(*)) AS counts
                        FROM migration_batches b WHERE b.run_id = r.id GROUP BY phase) p), '{}'),
                    'rejectsByReason', coalesce((SELECT jsonb_object_agg(reason, n) FROM (
                        SELECT reason, count(*) AS n FROM migration_rejects WHERE run_id = r.id GROUP BY reason) x), '{}'),
                    'merges', (SELECT count(*) FROM migration_merges WHERE run_id = r.id))
           WHERE id = $1`,
          [runId, status],
        );
        await tx.query(NOTIFY_MIGRATION_PROGRESS, [runId]);
      });
      await spools.remove(runId);
      problemsAhead.forget(runId);
    },
  };
}

/** Names what a spool is built from: the export's files as they are now, the mapping and the run's start (phases). */
async function spoolKeyOf(run: LoadedRun): Promise<string> {
  const files = await Promise.all(run.source.files.map(async (file) => {
    const { size, mtimeMs } = await stat(file);
    return [file, size, mtimeMs];
  }));
  return createHash('sha256').update(JSON.stringify([run.source.system, files, run.parsed.mapping, run.startedAt])).digest('hex').slice(0, 16);
}

/** Columns a CSV mapping reads that an export file's header lacks (a misspelt name): every row would miss them. */
async function missingColumns(run: LoadedRun): Promise<MappingIssue[]> {
  const csv = run.parsed.mapping?.csv;
  if (run.source.system !== 'csv' || !csv) return [];
  const issues: MappingIssue[] = [];
  for (const file of run.source.files) issues.push(...missingCsvColumns(run.parsed, await readCsvHeader(file, csv), basename(file)));
  return issues;
}

/** A file the worker cannot read, or an encoding it does not know, would fail every batch: the preflight says so first. */
async function unreadableSource(run: LoadedRun): Promise<MappingIssue[]> {
  const issues: MappingIssue[] = [];
  for (const file of run.source.files) {
    await access(file, constants.R_OK).catch(() => issues.push({ line: 0, path: 'source.files', message: `The worker cannot read ${file}.` }));
  }
  const encoding = run.parsed.mapping?.csv?.encoding;
  if (encoding && !iconv.encodingExists(encoding)) {
    issues.push({ line: run.parsed.lineOf(['csv', 'encoding']), path: 'csv.encoding', message: `Unknown encoding "${encoding}".` });
  }
  return issues;
}

async function recordedBatch(dataSource: DataSource, request: BatchRequest): Promise<BatchResult | null> {
  const [row] = await dataSource.query<Array<{ result: BatchResult }>>(
    'SELECT result FROM migration_batches WHERE run_id = $1 AND phase = $2 AND batch_no = $3',
    [request.runId, request.phase, request.batchNo],
  );
  return row?.result ?? null;
}

export type MigrationActivities = ReturnType<typeof createMigrationActivities>;
