import { isGrpcServiceError } from '@temporalio/client';

const DATABASE_CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03']);
/** gRPC UNAVAILABLE: the Temporal server could not be reached (the client's own retries, about 20 s, gave up). */
const GRPC_UNAVAILABLE = 14;

/**
 * What a person reads when PostgreSQL or Temporal cannot be reached (stopped, restarting) and the request failed for
 * that alone: nothing is wrong with the request, and the same request can be tried again shortly (SERVICE_UNAVAILABLE).
 * Undefined for any other error. Every operation gets this through formatError, whichever client failed.
 */
export function unreachableDependency(error: unknown): string | undefined {
  for (const inner of wrappedErrors(error)) {
    if (isGrpcServiceError(inner) && inner.code === GRPC_UNAVAILABLE) return 'The workflow service is not reachable right now; try again shortly.';
    if (isDatabaseConnectionError(inner)) return 'The database is not answering right now; try again shortly.';
  }
  return undefined;
}

function isDatabaseConnectionError(error: Record<string, unknown>): boolean {
  const { code, message } = error;
  if (typeof code === 'string' && (DATABASE_CONNECTION_CODES.has(code) || code.startsWith('08'))) return true;
  return typeof message === 'string' && /^Connection terminated|the database system is (shutting down|starting up)/.test(message);
}

/**
 * The error and those it wraps: GraphQL's originalError (or thrownValue for a value that is not `instanceof Error`,
 * e.g. from another realm), TypeORM's driverError, a cause, an AggregateError's errors; a few levels deep.
 */
function* wrappedErrors(error: unknown, depth = 0): Generator<Record<string, unknown>> {
  if (!error || typeof error !== 'object' || depth > 5) return;
  const record = error as Record<string, unknown>;
  yield record;
  const { originalError, thrownValue, driverError, cause, errors } = record;
  for (const next of [originalError, thrownValue, driverError, cause, ...(Array.isArray(errors) ? errors : [])]) yield* wrappedErrors(next, depth + 1);
}
