import { createClient as createSubscriptionClient } from 'graphql-ws';
import { Client, cacheExchange, fetchExchange, subscriptionExchange } from 'urql';

export interface GraphqlConnection {
  client: Client;
  /** Closes the subscription socket (on sign-out, or when the token changes). */
  dispose(): void;
}

/**
 * One urql client per session: queries and mutations over HTTP POST /graphql with the bearer token, subscriptions over
 * the API's graphql-ws endpoint on the same path (the token as the `authorization` connection parameter).
 */
export function createGraphqlConnection(token: string | null): GraphqlConnection {
  const authorization = token ? `Bearer ${token}` : undefined;
  const socketUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  const subscriptions = createSubscriptionClient({
    url: socketUrl,
    lazy: true,
    connectionParams: authorization ? { authorization } : {},
    retryAttempts: Infinity,
  });
  const client = new Client({
    url: '/graphql',
    requestPolicy: 'cache-and-network',
    // POST only: the API's CSRF protection refuses GET queries without a preflight header.
    preferGetMethod: false,
    fetchOptions: (): RequestInit => ({ headers: authorization ? { authorization } : {} }),
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: subscriptions.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
  return { client, dispose: () => void subscriptions.dispose() };
}
