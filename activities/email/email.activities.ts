import { ApplicationFailure } from '@temporalio/common';
import { createHash } from 'node:crypto';
import { createTransport, type SendMailOptions, type Transporter } from 'nodemailer';
import type { DataSource } from 'typeorm';
import { emailTemplateInForce } from '../../libs/db/email-templates.js';
import { renderHeaderLine, renderTemplate, textToHtml, withTicketReference, type EmailTemplateKey } from '../../libs/domain/email/index.js';
import { replyAttachmentsOf } from './reply-attachments.js';
import { requestLink, type RequestLinkConfig } from './request-links.js';
import { rolloutMailFacts } from './rollout-mail-variables.js';
import { ticketMailFacts } from './ticket-mail-variables.js';
import { surveyMailVariables, type SurveyLinkConfig } from '../surveys/survey-links.js';

export interface SendTemplatedEmailInput {
  /** One mail per key, ever: a retry (or a second call) with the same key sends nothing more. */
  idempotencyKey: string;
  template: EmailTemplateKey;
  ticketId: string;
  /** Added to (and overriding) the ticket's, customer's and agent's variables. */
  variables?: Record<string, string>;
  /** The survey a `survey`/`survey_reminder` mail invites to: its link is signed here, out of the workflow's history. */
  surveyId?: string;
  /** The reply an `agent_reply` mail carries: its body is `message.body`, its author `agent.name`, its files attached. */
  messageId?: string;
}

export interface SendRolloutNotificationEmailInput {
  /** One mail per key, ever, as for ticket mail. */
  idempotencyKey: string;
  template: Extract<EmailTemplateKey, `rollout_${string}`>;
  rolloutId: string;
  /** The user the mail goes to, at their account's address. */
  recipientUserId: string;
  /** Added to the rollout's and the recipient's variables, e.g. `task.title`. */
  variables?: Record<string, string>;
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
const AUTOMATIC_TEMPLATES: ReadonlySet<EmailTemplateKey> = new Set([
  'acknowledgment',
  'solved',
  'survey',
  'survey_reminder',
  'merged',
  'rollout_task_overdue',
  'rollout_gate_waiting',
]);

/** The mails the ticket's collaborators are copied on: the conversation, not the notices about the requester's request. */
const COPIED_TEMPLATES: ReadonlySet<EmailTemplateKey> = new Set(['agent_reply']);

/**
 * Customer mail, and rollout notifications to the rollout's people, through the configured SMTP server; `requestLinks`
 * signs the portal link the acknowledgment carries, `surveyLinks` the survey link of a survey mail.
 */
export function createEmailActivities({ dataSource, mail, requestLinks, surveyLinks }: {
  dataSource: DataSource;
  mail: OutboundMailSettings;
  requestLinks: RequestLinkConfig;
  surveyLinks: SurveyLinkConfig;
}) {
  let transport: Transporter | undefined;
  const smtp = (): Transporter => {
    if (!mail.smtpUrl) throw new Error('SMTP_URL is not set: the worker cannot send mail.');
    // Pooled: mail after mail goes over the connections already open (a new connection and its greeting per mail
    // made an acknowledgment take 149 ms instead of 37 at one client, bench:intake). An idle connection closes after
    // a second, so a stopping worker keeps no SMTP session open for long.
    transport ??= createTransport({ url: mail.smtpUrl, pool: true, maxConnections: 5, idleTimeout: 1_000 });
    return transport;
  };
  const messageIdOf = (idempotencyKey: string) => `<${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40)}@${domainOf(mail.from)}>`;

  /** The Message-ID of the mail already sent under this key, if one was. */
  async function sentUnder(idempotencyKey: string): Promise<string | null> {
    const [previous] = await dataSource.query<Array<{ message_id: string; sent_at: Date | null }>>(
      'SELECT message_id, sent_at FROM sent_emails WHERE idempotency_key = $1',
      [idempotencyKey],
    );
    return previous?.sent_at ? previous.message_id : null;
  }

  /** Records the key before sending and marks it sent once the SMTP server accepted the mail. */
  async function sendRecorded(
    sent: { idempotencyKey: string; ticketId: string | null; rolloutId: string | null; template: EmailTemplateKey },
    message: SendMailOptions & { to: string; subject: string; messageId: string },
  ): Promise<void> {
    await dataSource.query(
      `INSERT INTO sent_emails (idempotency_key, message_id, ticket_id, rollout_id, template, recipient, subject)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (idempotency_key) DO NOTHING`,
      [sent.idempotencyKey, message.messageId, sent.ticketId, sent.rolloutId, sent.template, message.to, message.subject],
    );
    await smtp().sendMail({
      from: mail.from,
      ...message,
      headers: AUTOMATIC_TEMPLATES.has(sent.template) ? { 'Auto-Submitted': 'auto-generated' } : {},
    });
    await dataSource.query('UPDATE sent_emails SET sent_at = now() WHERE idempotency_key = $1', [sent.idempotencyKey]);
  }

  return {
    /**
     * Renders a template for the ticket's customer and sends it. The Message-ID is derived from the idempotency key and
     * the key is recorded before sending and marked sent after the SMTP server accepted the mail (`sendRecorded`): a
     * retry finds it sent and sends nothing. Only a crash between the server's acceptance and that mark resends, and
     * then with the same Message-ID, which mail clients show once.
     */
    async sendTemplatedEmail(input: SendTemplatedEmailInput): Promise<SentEmail> {
      const previous = await sentUnder(input.idempotencyKey);
      if (previous) return { messageId: previous, alreadySent: true };
      const messageId = messageIdOf(input.idempotencyKey);

      const facts = await ticketMailFacts(dataSource.manager, input.ticketId, input.messageId);
      if (!facts) throw ApplicationFailure.nonRetryable(`There is no ticket ${input.ticketId} to write to.`, 'TicketNotFound');
      // Signed here, not in the workflow: the link is a credential and must stay out of the workflow's history.
      const linkVariables: Record<string, string> =
        input.template === 'acknowledgment' ? { 'request.url': requestLink(requestLinks, input.ticketId, Date.now()) } : {};
      if (input.surveyId !== undefined) {
        const surveyVariables = await surveyMailVariables(dataSource.manager, surveyLinks, input.surveyId);
        if (!surveyVariables) throw ApplicationFailure.nonRetryable(`There is no survey ${input.surveyId} to invite to.`, 'SurveyNotFound');
        Object.assign(linkVariables, surveyVariables);
      }
      const variables = { ...facts.variables, 'helpdesk.address': mail.from, ...linkVariables, ...input.variables };
      const { template } = await emailTemplateInForce(dataSource.manager, input.template);
      const subject = withTicketReference(renderHeaderLine(template.subject, variables).text, facts.ticketNumber);
      const text = renderTemplate(template.body, variables).text;
      const thread = await threadOf(dataSource, input.ticketId);
      const attachments = input.messageId ? await replyAttachmentsOf(dataSource, input.messageId) : [];
      const cc = COPIED_TEMPLATES.has(input.template) ? await collaboratorsOf(dataSource, input.ticketId) : [];

      await sendRecorded(
        { idempotencyKey: input.idempotencyKey, ticketId: input.ticketId, rolloutId: null, template: input.template },
        {
          to: facts.recipient,
          ...(cc.length > 0 ? { cc } : {}),
          subject,
          text,
          html: textToHtml(text),
          ...(attachments.length > 0 ? { attachments } : {}),
          messageId,
          ...(thread.length > 0 ? { inReplyTo: thread.at(-1), references: thread } : {}),
        },
      );
      return { messageId, alreadySent: false };
    },

    /** A rollout notification to one of the rollout's people (a task owner, its lead), once per key like ticket mail. */
    async sendRolloutNotificationEmail(input: SendRolloutNotificationEmailInput): Promise<SentEmail> {
      const previous = await sentUnder(input.idempotencyKey);
      if (previous) return { messageId: previous, alreadySent: true };
      const messageId = messageIdOf(input.idempotencyKey);

      const facts = await rolloutMailFacts(dataSource.manager, input.rolloutId, input.recipientUserId);
      if (!facts) throw ApplicationFailure.nonRetryable(`There is no rollout ${input.rolloutId} or user ${input.recipientUserId} to write to.`, 'RolloutMailRecipientNotFound');
      const variables = { ...facts.variables, 'helpdesk.address': mail.from, ...input.variables };
      const { template } = await emailTemplateInForce(dataSource.manager, input.template);
      const subject = renderHeaderLine(template.subject, variables).text;
      const text = renderTemplate(template.body, variables).text;
      await sendRecorded(
        { idempotencyKey: input.idempotencyKey, ticketId: null, rolloutId: input.rolloutId, template: input.template },
        { to: facts.recipient, subject, text, html: textToHtml(text), messageId },
      );
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
