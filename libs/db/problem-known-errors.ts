import type { EntityManager } from 'typeorm';

// A problem's known error (issue 15): content an agent writes, kept in problem_known_errors, one per problem; the
// problem's workflow records on its timeline who set it.

export interface KnownError {
  note: string;
  workaround: string;
  setBy: string;
  setAt: Date;
}

/** Sets (or replaces) the problem's known error. */
export async function saveKnownError(manager: EntityManager, problemId: string, { note, workaround, setBy }: Omit<KnownError, 'setAt'>): Promise<void> {
  await manager.query(
    `INSERT INTO problem_known_errors (problem_id, note, workaround, set_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (problem_id) DO UPDATE SET note = excluded.note, workaround = excluded.workaround, set_by = excluded.set_by, set_at = now()`,
    [problemId, note, workaround, setBy],
  );
}

/** The known errors of these problems, in their order (null: none set). */
export async function knownErrorsOf(manager: EntityManager, problemIds: readonly string[]): Promise<Array<KnownError | null>> {
  const rows = await manager.query<Array<{ problem_id: string; note: string; workaround: string; set_by: string; set_at: Date }>>(
    'SELECT problem_id, note, workaround, set_by, set_at FROM problem_known_errors WHERE problem_id = ANY($1::uuid[])',
    [[...problemIds]],
  );
  const byProblem = new Map(rows.map((row) => [row.problem_id, { note: row.note, workaround: row.workaround, setBy: row.set_by, setAt: row.set_at }]));
  return problemIds.map((id) => byProblem.get(id) ?? null);
}
