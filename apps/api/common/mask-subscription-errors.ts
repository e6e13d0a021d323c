import type { ExecutionResult, FormattedExecutionResult } from 'graphql';
import { formatError } from './format-error.js';

/**
 * graphql-ws runs subscriptions outside Apollo, so Apollo's formatError never sees their errors: this applies the same
 * rule (user errors as they are, anything else masked and logged) to each result pushed to a subscriber.
 */
export function maskSubscriptionErrors(result: ExecutionResult): FormattedExecutionResult {
  if (!result.errors?.length) return result as FormattedExecutionResult;
  return { ...result, errors: result.errors.map((error) => formatError(error.toJSON(), error.originalError ?? error)) };
}
