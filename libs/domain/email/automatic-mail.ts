/** What an inbound mail says about itself, enough to tell a person's mail from a machine's. */
export interface InboundMailFacts {
  /** The SMTP envelope sender (MAIL FROM); an empty string is the null sender `<>` of bounces. */
  envelopeFrom: string;
  /** The From header's address, if any. */
  from: string | null;
  /** Header values by lower-cased name. */
  headers: Readonly<Record<string, string>>;
  /** The top-level content type, lower-cased, without parameters. */
  contentType: string;
}

const MACHINE_SENDERS = /^(mailer-daemon|postmaster)@/i;
const AUTOMATIC_PRECEDENCE = new Set(['bulk', 'auto_reply', 'junk', 'list']);

/**
 * Why the mail was sent by a machine (an out-of-office reply, a bounce, a delivery report, a mailing list), or null
 * for a person's mail. Such mail must neither open a ticket nor be answered, or two auto-responders loop forever
 * (RFC 3834 §2 and §3.1.8).
 */
export function automaticMailReason(mail: InboundMailFacts): string | null {
  if (mail.envelopeFrom.trim() === '') return 'bounce: null envelope sender';
  if (MACHINE_SENDERS.test(mail.envelopeFrom) || (mail.from !== null && MACHINE_SENDERS.test(mail.from))) {
    return 'bounce: sent by a mailer daemon';
  }
  if (mail.contentType === 'multipart/report') return 'delivery or read report (multipart/report)';
  const autoSubmitted = mail.headers['auto-submitted']?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return `Auto-Submitted: ${autoSubmitted}`;
  if (mail.headers['x-autoreply'] !== undefined || mail.headers['x-autorespond'] !== undefined) return 'X-Autoreply header';
  const precedence = mail.headers['precedence']?.trim().toLowerCase();
  if (precedence && AUTOMATIC_PRECEDENCE.has(precedence)) return `Precedence: ${precedence}`;
  return null;
}
