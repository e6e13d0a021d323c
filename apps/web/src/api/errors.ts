import type { CombinedError } from 'urql';

/** What a person reads when a request fails: the API's own messages (they say what to do), or the network problem. */
export function errorMessages(error: CombinedError): string[] {
  if (error.graphQLErrors.length > 0) return error.graphQLErrors.map((graphQLError) => graphQLError.message);
  return [error.networkError ? `The help desk cannot be reached (${error.networkError.message}).` : error.message];
}

/** The stable code of the first GraphQL error (BAD_USER_INPUT, FORBIDDEN, …), if any. */
export function errorCode(error: CombinedError | undefined): string | undefined {
  const code = error?.graphQLErrors[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The input fields a BAD_USER_INPUT error names (`extensions.fields`), to show each message beside its field. */
export function fieldErrors(error: CombinedError | undefined): Record<string, string> {
  const fields = error?.graphQLErrors[0]?.extensions?.fields;
  if (!Array.isArray(fields)) return {};
  return Object.fromEntries(
    fields
      .filter((entry): entry is { field: string; message: string } => typeof entry?.field === 'string' && typeof entry?.message === 'string')
      .map((entry) => [entry.field, entry.message]),
  );
}
