import { randomUUID } from 'node:crypto';
import { NO_CALLER } from './new-ticket.js';
import { nameBasedUuid } from './ticket-id.js';

// Apart from the ticket ids' namespace; never change it, or a retried reply would be stored a second time.
const REPLY_MESSAGE_ID_NAMESPACE = Buffer.from('b3d0c8e1f2a94c5d8e7f6a5b4c3d2e1f', 'hex');

/**
 * The message id of a customer reply: derived from the caller and its idempotency key, so a retry finds the message it
 * stored (and its workflow update, whose id is the message id, applies once); random when there is no key.
 */
export function replyMessageIdFor(callerUserId: string | null, idempotencyKey: string | null): string {
  if (idempotencyKey === null) return randomUUID();
  return nameBasedUuid(REPLY_MESSAGE_ID_NAMESPACE, `${callerUserId ?? NO_CALLER}\n${idempotencyKey}`);
}
