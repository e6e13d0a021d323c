const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A moment as the customer's browser writes dates and times (their language, their time zone). */
export function formatWhen(iso: string): string {
  return WHEN.format(new Date(iso));
}
