import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { DEFAULT_SAMPLE_SIZE, DEFAULT_THRESHOLDS, parseMapping } from '../../../libs/domain/migration/index.js';
import { rollBackMigrationRun } from '../../../libs/db/migration-rollback.js';
import {
  approveSignal,
  cancelSignal,
  mappingRevisedSignal,
  MIGRATION_WORKFLOW_TYPE,
  migrationWorkflowId,
  pauseSignal,
  resumeSignal,
  type MigrationProgress,
  type MigrationRunInput,
} from '../../../workflows/migration/migration.contract.js';
import { ticketWorkflowId } from '../../../workflows/ticket/ticket.contract.js';
import { APP_CONFIG } from '../app-config.token.js';
import { userError } from '../common/user-error.js';
import type { StartMigrationRunInput } from './dto/start-migration-run.input.js';
import { queryRunProgress } from './query-run-progress.js';
import type { MigrationRejectModel, MigrationRunModel, MigrationSampleRecordModel } from './models/migration-run.model.js';

const DEFAULT_BATCH_SIZE = 1_000;
const FINISHED = ['completed', 'cancelled', 'failed', 'rolled_back'];
const FOREIGN_KEY_VIOLATION = '23503';
const PARALLEL_TERMINATIONS = 16;

export type RunSignal = 'approve' | 'pause' | 'resume' | 'cancel';
const SIGNALS = { approve: approveSignal, pause: pauseSignal, resume: resumeSignal, cancel: cancelSignal } as const;

interface RunRow {
  id: string;
  source_system: string;
  source_key: string;
  status: string;
  phase: string | null;
  waiting_reason: string | null;
  mapping: string;
  report: unknown;
  started_at: Date;
  finished_at: Date | null;
}

/** Starts and steers migration runs (their workflows), reads their state, rolls them back. */
@Injectable()
export class MigrationRunsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Refuses a mapping with issues (BAD_USER_INPUT with each issue's line) and a second live run of the same source. */
  async start(input: StartMigrationRunInput, callerId: string): Promise<MigrationRunModel> {
    const { issues } = parseMapping(input.mapping);
    if (issues.length > 0) {
      throw userError('BAD_USER_INPUT', `The mapping has ${issues.length} issue(s): ${issues.map((issue) => `line ${issue.line}: ${issue.message}`).join(' ')}`, { issues });
    }
    const sourceKey = input.sourceKey ?? input.sourceSystem;
    const runId = randomUUID();
    const workflowInput: MigrationRunInput = {
      runId,
      batchSize: input.batchSize ?? DEFAULT_BATCH_SIZE,
      thresholds: { maxRejectRate: input.maxRejectRate ?? DEFAULT_THRESHOLDS.maxRejectRate },
      phaseGates: Object.fromEntries((input.approvalPhases ?? []).map((phase) => [phase, 'approval'])),
      sampleSize: input.sampleSize ?? DEFAULT_SAMPLE_SIZE,
    };
    await this.dataSource.transaction(async (tx) => {
      // One live run per source: two at once would race on the same id map entries.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`migration:${sourceKey}`]);
      const [live] = await tx.query<Array<{ id: string }>>(`SELECT id FROM migration_runs WHERE source_key = $1 AND status <> ALL($2)`, [sourceKey, FINISHED]);
      if (live) throw userError('CONFLICT', `Run ${live.id} of source "${sourceKey}" is still going; finish or cancel it first.`);
      await tx.query(
        `INSERT INTO migration_runs (id, source_system, source_key, source, mapping, options, status, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, 'preflight', $7)`,
        [runId, input.sourceSystem, sourceKey, { system: input.sourceSystem, files: input.files, key: sourceKey }, input.mapping, workflowInput, callerId],
      );
      // Started inside the transaction: if starting fails, no row is left without its workflow.
      await this.temporal.workflow.start(MIGRATION_WORKFLOW_TYPE, {
        workflowId: migrationWorkflowId(runId),
        taskQueue: this.config.taskQueue,
        args: [workflowInput],
      });
    });
    return this.get(runId);
  }

  async signal(runId: string, signal: RunSignal): Promise<MigrationRunModel> {
    await this.live(runId);
    await this.temporal.workflow.getHandle(migrationWorkflowId(runId)).signal(SIGNALS[signal]);
    return this.get(runId);
  }

  /** Replaces the mapping of a run that has not started importing (it is checked again, and sampled again). */
  async reviseMapping(runId: string, mapping: string): Promise<MigrationRunModel> {
    const { issues } = parseMapping(mapping);
    if (issues.length > 0) throw userError('BAD_USER_INPUT', `The mapping has ${issues.length} issue(s).`, { issues });
    const run = await this.live(runId);
    if (run.phase !== null || !['needs_mapping', 'awaiting_approval'].includes(run.status)) {
      throw userError('CONFLICT', 'The mapping can only change before the phases start.');
    }
    await this.dataSource.query('UPDATE migration_runs SET mapping = $2, updated_at = now() WHERE id = $1', [runId, mapping]);
    await this.temporal.workflow.getHandle(migrationWorkflowId(runId)).signal(mappingRevisedSignal);
    return this.get(runId);
  }

  /** Removes exactly the rows the run inserted; refused while the run is going. */
  async rollback(runId: string): Promise<MigrationRunModel> {
    const run = await this.get(runId);
    if (!['completed', 'cancelled', 'failed'].includes(run.status)) {
      throw userError('CONFLICT', `Run ${runId} is ${run.status}; only a finished run can be rolled back.`);
    }
    await this.stopImportedTicketWorkflows(runId);
    try {
      await rollBackMigrationRun(this.dataSource, runId);
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code !== FOREIGN_KEY_VIOLATION) throw error;
      throw userError('CONFLICT', `Rows of a later run refer to rows run ${runId} inserted; roll that run back first.`);
    }
    return this.get(runId);
  }

  async get(runId: string): Promise<MigrationRunModel> {
    const [row] = await this.dataSource.query<RunRow[]>('SELECT * FROM migration_runs WHERE id = $1', [runId]);
    if (!row) throw userError('NOT_FOUND', `No migration run ${runId}.`);
    return toModel(row);
  }

  async list(first: number): Promise<MigrationRunModel[]> {
    const rows = await this.dataSource.query<RunRow[]>('SELECT * FROM migration_runs ORDER BY started_at DESC LIMIT $1', [first]);
    return rows.map(toModel);
  }

  /** Live progress from the run's workflow; null once the workflow is gone (the report has the final counts). */
  progress(runId: string): Promise<MigrationProgress | null> {
    return queryRunProgress(this.temporal, runId);
  }

  async rejects(runId: string, first: number, reason: string | null): Promise<MigrationRejectModel[]> {
    const rows = await this.dataSource.query<Array<Record<string, unknown>>>(
      `SELECT phase, record_type, source_id, line, reason, detail, source_record FROM migration_rejects
        WHERE run_id = $1 AND ($2::text IS NULL OR reason = $2) ORDER BY id LIMIT $3`,
      [runId, reason, first],
    );
    return rows.map((row) => ({
      phase: String(row.phase),
      recordType: String(row.record_type),
      sourceId: String(row.source_id),
      line: Number(row.line),
      reason: String(row.reason),
      detail: String(row.detail),
      sourceRecord: row.source_record,
    }));
  }

  /** The latest sample run's records, source beside target. */
  async sample(runId: string): Promise<MigrationSampleRecordModel[]> {
    const rows = await this.dataSource.query<Array<Record<string, unknown>>>(
      `SELECT record_type, source_id, line, source_record, target, reject_reason, reject_detail FROM migration_samples
        WHERE run_id = $1 AND attempt = (SELECT max(attempt) FROM migration_samples WHERE run_id = $1) ORDER BY position`,
      [runId],
    );
    return rows.map((row) => ({
      recordType: String(row.record_type),
      sourceId: String(row.source_id),
      line: Number(row.line),
      source: row.source_record,
      target: row.target,
      rejectReason: (row.reject_reason as string | null) ?? null,
      rejectDetail: (row.reject_detail as string | null) ?? null,
    }));
  }

  /** The lifecycle workflows of the run's open tickets end before their rows go (they would write to rows no longer there). */
  private async stopImportedTicketWorkflows(runId: string): Promise<void> {
    // Open when imported (a workflow may have started without writing yet), or written by a workflow since.
    const tickets = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM tickets WHERE import_run_id = $1 AND (status IN ('new', 'open', 'pending', 'on_hold') OR lifecycle_version > 0)`,
      [runId],
    );
    let next = 0;
    const lane = async () => {
      while (next < tickets.length) {
        const handle = this.temporal.workflow.getHandle(ticketWorkflowId(tickets[next++].id));
        await handle.terminate(`Migration run ${runId} rolled back.`).catch((error: unknown) => {
          if (!(error instanceof WorkflowNotFoundError)) throw error;
        });
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_TERMINATIONS }, lane));
  }

  private async live(runId: string): Promise<MigrationRunModel> {
    const run = await this.get(runId);
    if (FINISHED.includes(run.status)) throw userError('CONFLICT', `Run ${runId} is ${run.status}.`);
    return run;
  }
}

function toModel(row: RunRow): MigrationRunModel {
  return {
    id: row.id,
    sourceSystem: row.source_system,
    sourceKey: row.source_key,
    status: row.status,
    phase: row.phase,
    waitingReason: row.waiting_reason,
    mapping: row.mapping,
    report: row.report,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}
