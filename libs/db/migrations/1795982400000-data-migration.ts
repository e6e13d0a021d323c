import type { MigrationInterface, QueryRunner } from 'typeorm';

const IMPORTED_TABLES = ['organizations', 'customers', 'tickets', 'ticket_messages', 'knowledge_articles'];

/**
 * Data migration from another help desk: runs, their batches (the cursor a resumed run continues from), the id map
 * (one row per source record ever imported: what makes re-runs idempotent and delta runs possible), rejects with the
 * source record, customer merges, the sample run's side-by-side records; and on every imported table the run that
 * inserted the row, so a rollback removes exactly that run's rows.
 */
export class DataMigration1795982400000 implements MigrationInterface {
  name = 'DataMigration1795982400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE migration_runs (
        id uuid PRIMARY KEY,
        source_system text NOT NULL CHECK (source_system IN ('zendesk','freshdesk','csv')),
        source_key text NOT NULL,
        source jsonb NOT NULL,
        mapping text NOT NULL,
        options jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL CHECK (status IN ('preflight','needs_mapping','sampling','awaiting_approval','running','paused',
                                              'completed','cancelled','failed','rolled_back')),
        phase text,
        waiting_reason text,
        preflight jsonb,
        report jsonb NOT NULL DEFAULT '{"totals":{"read":0,"imported":0,"updated":0,"rejected":0,"skipped":0}}',
        created_by uuid REFERENCES users(id),
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // A delta run looks for the previous completed run of its source.
    await db.query(`CREATE INDEX migration_runs_source ON migration_runs (source_key, started_at DESC)`);
    await db.query(`
      CREATE TABLE migration_batches (
        run_id uuid NOT NULL REFERENCES migration_runs(id) ON DELETE CASCADE,
        phase text NOT NULL,
        batch_no integer NOT NULL,
        cursor_from integer NOT NULL,
        cursor_to integer NOT NULL,
        exhausted boolean NOT NULL,
        result jsonb NOT NULL,
        committed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (run_id, phase, batch_no)
      )`);
    await db.query(`
      CREATE TABLE migration_id_map (
        source_key text NOT NULL,
        record_type text NOT NULL,
        source_id text NOT NULL,
        target_id text NOT NULL,
        run_id uuid NOT NULL REFERENCES migration_runs(id) ON DELETE CASCADE,
        source_updated_at timestamptz,
        PRIMARY KEY (source_key, record_type, source_id)
      )`);
    await db.query(`CREATE INDEX migration_id_map_run ON migration_id_map (run_id)`);
    await db.query(`
      CREATE TABLE migration_rejects (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        run_id uuid NOT NULL REFERENCES migration_runs(id) ON DELETE CASCADE,
        phase text NOT NULL,
        record_type text NOT NULL,
        source_id text NOT NULL,
        line integer NOT NULL,
        reason text NOT NULL,
        detail text NOT NULL,
        source_record jsonb NOT NULL
      )`);
    await db.query(`CREATE INDEX migration_rejects_run ON migration_rejects (run_id, reason)`);
    await db.query(`
      CREATE TABLE migration_merges (
        run_id uuid NOT NULL REFERENCES migration_runs(id) ON DELETE CASCADE,
        record_type text NOT NULL,
        source_id text NOT NULL,
        merged_into text NOT NULL,
        natural_key text NOT NULL,
        PRIMARY KEY (run_id, record_type, source_id)
      )`);
    await db.query(`
      CREATE TABLE migration_samples (
        run_id uuid NOT NULL REFERENCES migration_runs(id) ON DELETE CASCADE,
        attempt integer NOT NULL,
        position integer NOT NULL,
        record_type text NOT NULL,
        source_id text NOT NULL,
        line integer NOT NULL,
        source_record jsonb NOT NULL,
        target jsonb,
        reject_reason text,
        reject_detail text,
        PRIMARY KEY (run_id, attempt, position)
      )`);
    for (const table of IMPORTED_TABLES) {
      await db.query(`ALTER TABLE ${table} ADD COLUMN import_run_id uuid`);
      await db.query(`CREATE INDEX ${table}_import_run ON ${table} (import_run_id) WHERE import_run_id IS NOT NULL`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of IMPORTED_TABLES) await db.query(`ALTER TABLE ${table} DROP COLUMN import_run_id`);
    for (const table of ['migration_samples', 'migration_merges', 'migration_rejects', 'migration_id_map', 'migration_batches', 'migration_runs']) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
