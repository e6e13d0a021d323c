/**
 * A fresh key for one filled-in form: sending it again (a retry, a second tap) lands once, a changed form is new.
 * getRandomValues, not randomUUID: the latter does not exist on a plain-http address.
 */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
