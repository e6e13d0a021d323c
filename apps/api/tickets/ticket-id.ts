import { createHash, randomUUID } from 'node:crypto';

// A fixed namespace for name-based (v5) ticket ids; never change it, or retried keys would map to new tickets.
const TICKET_ID_NAMESPACE = Buffer.from('6f1b2a4e9c0d4b7e8a3f5c2d1e0b9a87', 'hex');

/**
 * The ticket id for a create request: derived from the caller and its idempotency key (so a retry lands on the same
 * ticket and the same `ticket:<id>` workflow), or random when there is no key.
 */
export function ticketIdFor(callerUserId: string, idempotencyKey: string | null): string {
  if (idempotencyKey === null) return randomUUID();
  return nameBasedUuid(TICKET_ID_NAMESPACE, `${callerUserId}\n${idempotencyKey}`);
}

/** A version 5 (SHA-1, name-based) UUID: the same namespace and name always give the same id. */
export function nameBasedUuid(namespace: Buffer, name: string): string {
  const hash = createHash('sha1').update(namespace).update(name).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
