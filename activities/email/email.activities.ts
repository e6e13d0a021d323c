import { ApplicationFailure } from '@temporalio/common';
import { createHash } from 'node:crypto';
import { createTransport, type Transporter } from 'nodemailer';
import type { DataSource } from 'typeorm';
import { emailTemplateInForce } from '../../libs/db/email-templates.js';
import { renderHeaderLine, renderTemplate, textToHtml, withTicketReference, type EmailTemplateKey } from '../../libs/domain/email/index.js';
import { replyAttachmentsOf } from './reply-attachments.js';
import { requestLink, type RequestLinkConfig } from './request-links.js';
import { ticketMailFacts } from './ticket-mail-variables.js';

export interface SendTemplatedEmailInput {
  /** One mail per key, ever: a retry (or a second call) with the same key sends nothing more. */
  idempotencyKey: string;
  template: EmailTemplateKey;
  ticketId: string;
  /** Added to (and overriding) the ticket's, customer's and agent's variables, e.g. `survey.url`. */
  variables?: Record<string, string>;
  /** The reply an `agent_reply` mail carries: its body is `message.body`, its author `agent.name`, its files attached. */
  messageId?: string;
}

export interface SentEmail {
  messageId: string;
  alreadySent: boolean;
}

export interface OutboundMailSettings {
  /** Unset: sending fails (and the activity retries) until the worker is given one. */
  smtpUrl?: string;
  /** The From address, also the domain of the Message-IDs. */
  from: string;
}

/** Mails sent as a notification, not written by a person: auto-responders must not answer them (RFC 3834). */
const AUTOMATIC_TEMPLATES: ReadonlySet<EmailTemplateKey> = new Set(['acknowledgment', 'solved', 'survey', 'survey_reminder', 'merged']);

/** The mails the ticket's collaborators are copied on: the conversation, not the notices about the requester's request. */
const COPIED_TEMPLATES: ReadonlySet<EmailTemplateKey> = new Set(['agent_reply']);

/** Customer mail through the configured SMTP server; `requestLinks` signs the portal link the acknowledgment carries. */
export function createEmailActivities({ dataSource, mail, requestLinks }: { dataSource: DataSource; mail: OutboundMailSettings; requestLinks: RequestLinkConfig }) {
  let transport: Transporter | undefined;
  const smtp = (): Transporter => {
    if (!mail.smtpUrl) throw new Error('SMTP_URL is not set: the worker cannot send mail.');
    transport ??= createTransport(mail.smtpUrl);
    return transport;
  };

  return {
    /**
     * Renders a template for the ticket's customer and sends it. The Message-ID is derived from the idempotency key and
     * the key is recorded before sending and marked sent after the SMTP server accepted the mail: a retry finds it
     * sent and sends nothing. Only a crash between the server's acceptance and that mark resends, and then with the
     * same Message-ID, which mail clients show once.
     */
    async sendTemplatedEmail(input: SendTemplatedEmailInput): Promise<SentEmail> {
      const messageId = `<${createHash('sha256').update(input.idempotencyKey).digest('hex').slice(0, 40)}@${domainOf(mail.from)}>`;
      const [previous] = await dataSource.query<Array<{ message_id: string; sent_at: Date | null }>>(
        'SELECT message_id, sent_at FROM sent_emails WHERE idempotency_key = $1',
        [input.idempotencyKey],
      );
      if (previous?.sent_at) return { messageId: previous.message_id, alreadySent: true };

      const facts = await ticketMailFacts(dataSource.manager, input.ticketId, input.messageId);
      if (!facts) throw ApplicationFailure.nonRetryable(`There is no ticket ${input.ticketId} to write to.`, 'TicketNotFound');
      // Signed here, not in the workflow: the link is a credential and must stay out of the workflow's history.
      const linkVariables: Record<string, string> =
        input.template === 'acknowledgment' ? { 'request.url': requestLink(requestLinks, input.ticketId, Date.now()) } : {};
      const variables = { ...facts.variables, 'helpdesk.address': mail.from, ...linkVariables, ...input.variables };
      const { template } = await emailTemplateInForce(dataSource.manager, input.template);
      const subject = withTicketReference(renderHeaderLine(template.subject, variables).text, facts.ticketNumber);
      const text = renderTemplate(template.body, variables).text;
      const thread = await threadOf(dataSource, input.ticketId);
      const attachments = input.messageId ? await replyAttachmentsOf(dataSource, input.messageId) : [];
      const cc = COPIED_TEMPLATES.has(input.template) ? await collaboratorsOf(dataSource, input.ticketId) : [];

      await dataSource.query(
        `INSERT INTO sent_emails (idempotency_key, message_id, ticket_id, template, recipient, subject)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (idempotency_key) DO NOTHING`,
        [input.idempotencyKey, messageId, input.ticketId, input.template, facts.recipient, subject],
      );
      await smtp().sendMail({
        from: mail.from,
        to: facts.recipient,
        ...(cc.length > 0 ? { cc } : {}),
        subject,
        text,
        html: textToHtml(text),
        ...(attachments.length > 0 ? { attachments } : {}),
        messageId,
        ...(thread.length > 0 ? { inReplyTo: thread.at(-1), references: thread } : {}),
        headers: AUTOMATIC_TEMPLATES.has(input.template) ? { 'Auto-Submitted': 'auto-generated' } : {},
      });
      await dataSource.query('UPDATE sent_emails SET sent_at = now() WHERE idempotency_key = $1', [input.idempotencyKey]);
      return { messageId, alreadySent: false };
    },
  };
}

export type EmailActivities = ReturnType<typeof createEmailActivities>;

/** The customer's mails on the ticket, oldest first: the outbound mail answers the last and references them all. */
async function threadOf(dataSource: DataSource, ticketId: string): Promise<string[]> {
  const rows = await dataSource.query<Array<{ message_id: string }>>(
    'SELECT message_id FROM inbound_emails WHERE ticket_id = $1 ORDER BY received_at, message_id',
    [ticketId],
  );
  return rows.map((row) => row.message_id);
}

/** The addresses copied on the ticket's conversation (read when the mail goes out: a collaborator removed since gets no copy). */
async function collaboratorsOf(dataSource: DataSource, ticketId: string): Promise<string[]> {
  const rows = await dataSource.query<Array<{ email: string }>>(
    'SELECT email FROM ticket_collaborators WHERE ticket_id = $1 ORDER BY added_at, email',
    [ticketId],
  );
  return rows.map((row) => row.email);
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1) || 'localhost';
}
