import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Provider, useQuery, type CombinedError } from 'urql';
import { createGraphqlConnection } from '../api/graphql-client';
import { graphql } from '../gql';
import type { Role } from '../gql/schema-types';

const TOKEN_KEY = 'helpdesk.token';

export const MeQuery = graphql(`
  query Me {
    me {
      id
      email
      displayName
      roles
    }
  }
`);

export interface SignedInUser {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
}

interface Session {
  token: string | null;
  /** null while signed out; undefined while the token is being checked. */
  user: SignedInUser | null | undefined;
  /** Why the token could not be checked (the API unreachable, say), while `user` stays undefined. */
  checkError?: CombinedError;
  signIn(token: string): void;
  signOut(): void;
}

const SessionContext = createContext<Session | undefined>(undefined);

/** The signed-in user, and the GraphQL client that carries their token. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** Keeps the token (from the login mutation) in localStorage and gives every screen a client that sends it. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<string | null>(() => localStorage.getItem(TOKEN_KEY));
  const connection = useMemo(() => createGraphqlConnection(token), [token]);
  useEffect(() => () => connection.dispose(), [connection]);

  const signIn = useCallback((newToken: string) => {
    localStorage.setItem(TOKEN_KEY, newToken);
    setToken(newToken);
  }, []);
  const signOut = useCallback(() => {
    localStorage.removeItem(TOKEN_KEY);
    setToken(null);
  }, []);

  return (
    <Provider value={connection.client}>
      <CurrentUser token={token} signIn={signIn} signOut={signOut}>
        {children}
      </CurrentUser>
    </Provider>
  );
}

function CurrentUser({ token, signIn, signOut, children }: Omit<Session, 'user' | 'checkError'> & { children: ReactNode }) {
  const [{ data, error }] = useQuery({ query: MeQuery, pause: !token, requestPolicy: 'network-only' });
  // An expired or revoked token: back to the sign-in page rather than a screen of errors.
  useEffect(() => {
    if (error?.graphQLErrors.some((graphQLError) => graphQLError.extensions?.code === 'UNAUTHENTICATED')) signOut();
  }, [error, signOut]);
  const user = !token ? null : data ? data.me : undefined;
  const checkError = user === undefined ? error : undefined;
  const session = useMemo(() => ({ token, user, checkError, signIn, signOut }), [token, user, checkError, signIn, signOut]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
