import type { GraphQLResponse } from './test-system.js';

/** The data of a response, which must have succeeded (fails the test with the whole response otherwise). */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors || !response.data) throw new Error(`expected success, got ${JSON.stringify(response)}`);
  return response.data;
}

/** The only error of a response, which must have failed (fails the test with the whole response otherwise). */
export function onlyError(response: GraphQLResponse<unknown>): { message: string; code: string | undefined; extensions: Record<string, unknown> } {
  if (response.errors?.length !== 1) throw new Error(`expected exactly one error, got ${JSON.stringify(response)}`);
  const [error] = response.errors;
  return { message: error.message, code: error.extensions?.code, extensions: error.extensions ?? {} };
}
