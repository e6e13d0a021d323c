import { useEffect, useRef } from 'react';
import { useSubscription } from 'urql';
import { graphql } from '../../gql';

const MigrationsRunProgressSubscription = graphql(`
  subscription MigrationsRunProgress($runId: ID!) {
    migrationProgress(runId: $runId) {
      runId
      status
      phase
      totals
    }
  }
`);

/** While a run is live without a pushed event, it is read again this often (a dropped socket must not freeze the bars). */
const FALLBACK_REFETCH_MS = 5_000;

/**
 * Calls `onProgress` after every committed batch and change of status the API pushes (`migrationProgress`), and on a
 * slow timer while the run is live in case pushes stop arriving.
 */
export function useRunProgress(runId: string, live: boolean, onProgress: () => void) {
  const [{ data }] = useSubscription({ query: MigrationsRunProgressSubscription, variables: { runId }, pause: !live });
  const latest = useRef(onProgress);
  latest.current = onProgress;
  const event = data?.migrationProgress;
  useEffect(() => {
    if (event) latest.current();
  }, [event]);
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => latest.current(), FALLBACK_REFETCH_MS);
    return () => clearInterval(timer);
  }, [live, event]);
}
