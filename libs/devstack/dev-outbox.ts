import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { startSmtpReceiver } from '../mail/smtp-receiver.js';

export interface DevOutbox {
  /** What SMTP_URL would be to send into it. */
  smtpUrl: string;
  stop(): Promise<void>;
}

const DEV_OUTBOX_MAX_MESSAGE_BYTES = 50 * 1024 * 1024;

/**
 * A real SMTP server that delivers nowhere: it keeps every mail it receives in the `dev_outbox` table, where admins
 * read it (`devOutbox` query). `start` runs it when SMTP_URL is unset; the tests run one per test system.
 */
export async function startDevOutbox(dataSource: DataSource, host: string, port: number): Promise<DevOutbox> {
  const receiver = await startSmtpReceiver({
    host,
    port,
    maxMessageBytes: DEV_OUTBOX_MAX_MESSAGE_BYTES,
    onMail: async ({ envelopeFrom, envelopeTo, parsed, headers }) => {
      // What a customer would find attached: name, type, size and a hash of the bytes (the bytes themselves are not kept).
      const attachments = parsed.attachments.map((attachment) => ({
        filename: attachment.filename ?? null,
        contentType: attachment.contentType,
        sizeBytes: attachment.size,
        sha256: createHash('sha256').update(attachment.content).digest('hex'),
      }));
      await dataSource.query(
        `INSERT INTO dev_outbox (envelope_from, envelope_to, message_id, subject, text_body, html_body, headers, attachments)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          envelopeFrom,
          envelopeTo.map((address) => address.toLowerCase()),
          parsed.messageId ?? null,
          parsed.subject ?? '',
          parsed.text ?? '',
          parsed.html || null,
          headers,
          JSON.stringify(attachments),
        ],
      );
    },
  });
  return { smtpUrl: `smtp://${host}:${receiver.port}`, stop: () => receiver.close() };
}
