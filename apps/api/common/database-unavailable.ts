const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03']);

/**
 * Whether the error, or one it wraps (GraphQL's originalError, or thrownValue for a value that is not `instanceof
 * Error`, e.g. from another realm; TypeORM's driverError; a cause; an AggregateError's errors), says PostgreSQL could
 * not be reached or dropped the connection (stopped, restarting): nothing is wrong with the request, and the same
 * request can be tried again shortly.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const { code, message, originalError, thrownValue, driverError, cause, errors } = error as Record<string, unknown>;
  if (typeof code === 'string' && (CONNECTION_ERROR_CODES.has(code) || code.startsWith('08'))) return true;
  if (typeof message === 'string' && /^Connection terminated|the database system is (shutting down|starting up)/.test(message)) return true;
  const inner = [originalError, thrownValue, driverError, cause, ...(Array.isArray(errors) ? errors : [])];
  return inner.some((next) => isDatabaseUnavailable(next, depth + 1));
}
