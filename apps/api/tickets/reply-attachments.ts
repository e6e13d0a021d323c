import type { DataSource } from 'typeorm';
import { userError } from '../common/user-error.js';

/** At most this many files go with one reply (each up to EMAIL_MAX_ATTACHMENT_BYTES). */
export const MAX_ATTACHMENTS_PER_REPLY = 10;

/** The input field the refusals name. */
const FIELD = 'attachmentIds';

/**
 * Before anything of a reply is stored: each id must be a file the caller uploaded to this ticket that no reply has
 * sent yet. A refusal is BAD_USER_INPUT naming `attachmentIds` and the file.
 */
export async function checkReplyAttachments(db: DataSource, ticketId: string, attachmentIds: string[], uploaderId: string): Promise<void> {
  if (attachmentIds.length === 0) return;
  const rows = await db.query<Array<{ id: string; ticket_id: string; uploaded_by: string | null; sent_with_message_id: string | null }>>(
    'SELECT id, ticket_id, uploaded_by, sent_with_message_id FROM email_attachments WHERE id = ANY($1)',
    [attachmentIds],
  );
  for (const id of attachmentIds) {
    const row = rows.find((candidate) => candidate.id === id);
    const problem = !row
      ? `there is no attachment ${id}; upload it first (POST /tickets/${ticketId}/attachments).`
      : row.ticket_id !== ticketId
        ? `attachment ${id} belongs to another ticket.`
        : row.uploaded_by !== uploaderId
          ? `attachment ${id} is not one you uploaded.`
          : row.sent_with_message_id !== null
            ? `attachment ${id} was already sent with another reply.`
            : null;
    if (problem) throw userError('BAD_USER_INPUT', `${FIELD}: ${problem}`, { fields: [{ field: FIELD, message: problem }] });
  }
}

/**
 * Marks the files as sent with the reply's message, in one statement: of two replies racing for the same upload only
 * one gets it (the other is refused with CONFLICT, and deleting its message releases whatever it had taken).
 */
export async function attachToReply(db: DataSource, messageId: string, attachmentIds: string[], uploaderId: string): Promise<void> {
  if (attachmentIds.length === 0) return;
  const [, taken] = await db.query<[unknown, number]>(
    'UPDATE email_attachments SET sent_with_message_id = $1 WHERE id = ANY($2) AND uploaded_by = $3 AND sent_with_message_id IS NULL',
    [messageId, attachmentIds, uploaderId],
  );
  if (taken !== attachmentIds.length) throw userError('CONFLICT', 'An attachment was sent with another reply in the meantime; upload it again.');
}
