import type { DataSource } from 'typeorm';
import { refreshTicketReportFacts } from './reporting/ticket-report-facts.js';

/** Children before parents, so no row a run inserted is still referenced when its parent goes. */
const IMPORTED_TABLES = ['ticket_messages', 'tickets', 'knowledge_articles', 'customers', 'organizations'];

/**
 * Removes exactly the rows a migration run inserted (they carry its id) and its id map entries, in one transaction.
 * Rows it only updated stay. (Its tickets' report facts go with them, by cascade.) Refused by the database (a foreign key) when a later run's rows point at them.
 */
export async function rollBackMigrationRun(dataSource: DataSource, runId: string): Promise<void> {
  await dataSource.transaction(async (tx) => {
    // Messages a delta run added to tickets that stay: those tickets' report facts are recomputed without them.
    const touched = await tx.query<Array<{ ticket_id: string }>>('SELECT DISTINCT ticket_id FROM ticket_messages WHERE import_run_id = $1', [runId]);
    for (const table of IMPORTED_TABLES) await tx.query(`DELETE FROM ${table} WHERE import_run_id = $1`, [runId]);
    await refreshTicketReportFacts((text, parameters) => tx.query(text, parameters), touched.map((row) => row.ticket_id));
    await tx.query('DELETE FROM migration_id_map WHERE run_id = $1', [runId]);
    await tx.query(`UPDATE migration_runs SET status = 'rolled_back', updated_at = now() WHERE id = $1`, [runId]);
  });
}
