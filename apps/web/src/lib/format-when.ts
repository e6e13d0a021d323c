const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A moment as the reader's browser writes dates and times (their language, their time zone), in every screen alike. */
export function formatWhen(iso: string): string {
  return WHEN.format(new Date(iso));
}
