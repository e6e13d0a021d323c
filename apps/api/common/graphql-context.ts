import type { Context as WsContext } from 'graphql-ws';

/**
 * The context every resolver and guard sees: `{ req }` with the caller's headers. Over HTTP that is the request; over
 * graphql-ws (subscriptions) the client sends its token as the `authorization` connection parameter, and it is put
 * where the auth guard reads it.
 */
export function graphqlContext(arg: { req?: unknown } | WsContext<{ authorization?: string }>): { req: unknown } {
  if ('extra' in arg && arg.extra) {
    const authorization = (arg as WsContext<{ authorization?: string }>).connectionParams?.authorization;
    return { req: { headers: { authorization } } };
  }
  return { req: (arg as { req?: unknown }).req };
}
