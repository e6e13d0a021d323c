import type { OutboxMail } from './dev-outbox.js';

/** The path of the portal link an acknowledgment carries (its host is PUBLIC_URL's, not the test system's). */
export function requestPathIn(mail: OutboxMail): string {
  const path = /\/portal\/requests\/[^\s"<>]+/.exec(mail.text)?.[0];
  if (!path) throw new Error(`no portal link in the mail "${mail.subject}"`);
  return path;
}

/** The token of that link, as the portal page passes it to the API. */
export function requestTokenIn(mail: OutboxMail): string {
  return decodeURIComponent(requestPathIn(mail).slice('/portal/requests/'.length));
}
