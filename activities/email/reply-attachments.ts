import type { Attachment } from 'nodemailer/lib/mailer/index.js';
import type { DataSource } from 'typeorm';
import { attachmentContentStream } from '../../libs/db/attachment-content.js';

/**
 * The files an agent sent with a reply, as nodemailer attachments whose bytes stream from PostgreSQL while the mail is
 * written to the SMTP server (one slice in memory per file, not the files whole). Called for each sending attempt, so
 * a retry reads them afresh.
 */
export async function replyAttachmentsOf(dataSource: DataSource, ticketMessageId: string): Promise<Attachment[]> {
  const rows = await dataSource.query<Array<{ id: string; filename: string | null; content_type: string; size_bytes: number }>>(
    'SELECT id, filename, content_type, size_bytes FROM email_attachments WHERE sent_with_message_id = $1 ORDER BY created_at, id',
    [ticketMessageId],
  );
  return rows.map((row) => ({
    filename: row.filename ?? 'attachment',
    contentType: row.content_type,
    content: attachmentContentStream(dataSource, row.id, row.size_bytes),
  }));
}
