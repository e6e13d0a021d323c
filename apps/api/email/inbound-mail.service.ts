import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AddressObject } from 'mailparser';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { automaticMailReason, referencedMessageIds, ticketNumberInSubject } from '../../../libs/domain/email/index.js';
import { TICKET_LIMITS } from '../../../libs/domain/tickets/ticket-fields.js';
import { linkTicketCustomer, upsertCustomer } from '../../../libs/db/customers.js';
import { ticketMergedAt } from '../../../libs/db/ticket-merges.js';
import type { SenderAuthentication } from '../../../libs/mail/sender-authentication.js';
import { MailRejection, type ReceivedMail } from '../../../libs/mail/smtp-receiver.js';
import { InboundSenderLimit } from '../abuse-limits/inbound-sender-limit.js';
import { APP_CONFIG } from '../app-config.token.js';
import { TicketsService } from '../tickets/tickets.service.js';

/**
 * Turns a mail to a support address into a ticket on the `email` channel, or into a customer message on the ticket it
 * answers. Tickets are created the API's own way (update-with-start, keyed by the mail's Message-ID, so a redelivered
 * mail lands on the same ticket); the mail's Message-ID, sender and attachments are kept beside it.
 */
@Injectable()
export class InboundMailService {
  private readonly logger = new Logger('InboundMail');

  constructor(
    private readonly dataSource: DataSource,
    private readonly tickets: TicketsService,
    private readonly senderLimit: InboundSenderLimit,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  acceptsRecipient(address: string): boolean {
    return this.config.supportAddresses.includes(address.toLowerCase());
  }

  /** `authentication`: the relay's verdicts as far as they are believed, kept with the mail's record. */
  async receive({ envelopeFrom, parsed, headers }: ReceivedMail, authentication: SenderAuthentication): Promise<void> {
    const from = firstAddress(parsed.from);
    const sender = (from?.address || envelopeFrom).toLowerCase();
    const contentType = (headers['content-type'] ?? 'text/plain').split(';')[0].trim().toLowerCase();
    const automatic = automaticMailReason({ envelopeFrom, from: from?.address ?? null, headers, contentType });
    if (automatic) {
      // Accepted and dropped: refusing would make the sending machine bounce, which is more mail to loop on.
      this.logger.log(`ignored an automatic mail from "${envelopeFrom}": ${automatic}`);
      return;
    }
    const oversized = parsed.attachments.find((attachment) => attachment.size > this.config.maxAttachmentBytes);
    if (oversized) {
      throw new MailRejection(
        552,
        `The attachment ${oversized.filename ?? '(unnamed)'} is ${oversized.size} bytes; the limit is ${this.config.maxAttachmentBytes} bytes.`,
      );
    }
    const messageId = parsed.messageId ?? `<${createHash('sha256').update(parsed.text ?? '').update(sender).digest('hex').slice(0, 40)}@inbound.invalid>`;
    if (await this.alreadyReceived(messageId)) return;
    await this.senderLimit.assertAllowed(sender);

    const subject = truncate(parsed.subject?.trim() || '(no subject)', TICKET_LIMITS.subjectMaxLength);
    const body = truncate(parsed.text?.trim() || '(no text)', TICKET_LIMITS.descriptionMaxLength);
    const customer = await upsertCustomer(this.dataSource.manager, sender, from?.name || null);
    const threadTicketId = await this.threadOf(referencedMessageIds(parsed.inReplyTo, parsed.references), subject, sender);
    // A reply to a ticket merged into another goes on in the primary.
    const replyTicketId = threadTicketId && (await ticketMergedAt(this.dataSource.manager, threadTicketId));

    // Keyed by the Message-ID: a redelivery after a crash before the mail was recorded below finds the same message,
    // follow-up or ticket instead of storing the mail again.
    const idempotencyKey = `email:${createHash('sha256').update(messageId).digest('hex').slice(0, 40)}`;
    let ticketId: string;
    let ticketMessageId: string | null = null;
    if (replyTicketId) {
      const reply = await this.tickets.recordCustomerReply({ ticketId: replyTicketId, body, idempotencyKey }, null);
      ticketId = reply.ticket.id;
      ticketMessageId = reply.message?.id ?? null;
    } else {
      const ticket = await this.tickets.create(
        { subject, description: body, requesterEmail: sender, channel: 'email', priority: 'normal', organizationId: customer.organizationId, idempotencyKey },
        null,
      );
      ticketId = ticket.id;
    }

    await this.dataSource.transaction(async (db) => {
      await linkTicketCustomer(db, ticketId, customer.id, sender);
      const recorded = await db.query(
        `INSERT INTO inbound_emails (message_id, ticket_id, ticket_message_id, sender, subject, spf, dmarc) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (message_id) DO NOTHING RETURNING message_id`,
        [messageId, ticketId, ticketMessageId, sender, subject, authentication.spf, authentication.dmarc],
      );
      // A delivery racing this one recorded the mail, and its attachments, first.
      if (recorded.length === 0) return;
      for (const attachment of parsed.attachments) {
        await db.query(
          `INSERT INTO email_attachments (ticket_id, inbound_message_id, filename, content_type, size_bytes, sha256, content)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            ticketId,
            messageId,
            attachment.filename ?? null,
            attachment.contentType,
            attachment.size,
            createHash('sha256').update(attachment.content).digest('hex'),
            attachment.content,
          ],
        );
      }
    });
  }

  private async alreadyReceived(messageId: string): Promise<boolean> {
    const rows = await this.dataSource.query('SELECT 1 FROM inbound_emails WHERE message_id = $1', [messageId]);
    return rows.length > 0;
  }

  /**
   * The ticket a reply belongs to: the one whose mail (sent or received) it references, else the `[#number]` in its
   * subject, but only from that ticket's requester or one of its collaborators (a stranger quoting a number opens a
   * ticket of their own).
   */
  private async threadOf(referenced: string[], subject: string, sender: string): Promise<string | null> {
    if (referenced.length > 0) {
      const [byHeaders] = await this.dataSource.query<Array<{ ticket_id: string }>>(
        `SELECT ticket_id FROM (
           SELECT ticket_id, message_id FROM sent_emails UNION ALL SELECT ticket_id, message_id FROM inbound_emails
         ) mail WHERE message_id = ANY($1) ORDER BY array_position($1, message_id) LIMIT 1`,
        [referenced],
      );
      if (byHeaders) return byHeaders.ticket_id;
    }
    const number = ticketNumberInSubject(subject);
    if (number === null) return null;
    const [bySubject] = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT t.id FROM tickets t WHERE t.number = $1
          AND (t.requester_email = $2 OR EXISTS (SELECT 1 FROM ticket_collaborators c WHERE c.ticket_id = t.id AND c.email = $2))`,
      [number, sender],
    );
    return bySubject?.id ?? null;
  }
}

function firstAddress(address: AddressObject | AddressObject[] | undefined): { address?: string; name: string } | undefined {
  return (Array.isArray(address) ? address[0] : address)?.value[0];
}

function truncate(text: string, maxLength: number): string {
  return text.length > maxLength ? text.slice(0, maxLength) : text;
}
