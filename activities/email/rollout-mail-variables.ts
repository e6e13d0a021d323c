import type { EntityManager } from 'typeorm';

/** The facts a rollout notification is addressed and written with. */
export interface RolloutMailFacts {
  recipient: string;
  /** Template variables from the rollout and the person the mail is for. */
  variables: Record<string, string>;
}

/** Reads the rollout and the recipient (a user, by id). Null when either does not exist. */
export async function rolloutMailFacts(manager: EntityManager, rolloutId: string, recipientUserId: string): Promise<RolloutMailFacts | null> {
  const [row] = await manager.query<Array<{ name: string; email: string; display_name: string }>>(
    'SELECT r.name, u.email, u.display_name FROM rollouts r, users u WHERE r.id = $1 AND u.id = $2',
    [rolloutId, recipientUserId],
  );
  if (!row) return null;
  return {
    recipient: row.email,
    variables: { 'rollout.id': rolloutId, 'rollout.name': row.name, 'recipient.name': row.display_name },
  };
}
