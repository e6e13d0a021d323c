const TICKET_REFERENCE = /\[#(\d{1,18})\]/;
const MESSAGE_ID = /<[^<>\s]+>/g;

/** The ticket reference outbound subjects carry, so a reply whose headers were lost still finds its ticket. */
export function withTicketReference(subject: string, ticketNumber: string): string {
  const reference = `[#${ticketNumber}]`;
  return subject.includes(reference) ? subject : `${subject} ${reference}`;
}

/** The ticket number of a `[#123]` reference in a subject, or null. */
export function ticketNumberInSubject(subject: string): string | null {
  return TICKET_REFERENCE.exec(subject)?.[1] ?? null;
}

/** The Message-IDs a reply points at (`In-Reply-To` first, then `References` newest first), each once, with brackets. */
export function referencedMessageIds(inReplyTo: string | undefined, references: string | string[] | undefined): string[] {
  const referenced = (Array.isArray(references) ? references.join(' ') : (references ?? '')).match(MESSAGE_ID) ?? [];
  return [...new Set([...(inReplyTo?.match(MESSAGE_ID) ?? []), ...referenced.reverse()])];
}
