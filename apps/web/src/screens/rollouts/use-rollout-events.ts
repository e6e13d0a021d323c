import { useEffect, useRef } from 'react';
import { useSubscription } from 'urql';
import { graphql } from '../../gql';

const RolloutsLiveEventsSubscription = graphql(`
  subscription RolloutsLiveEvents($rolloutId: ID!) {
    rolloutEvents(rolloutId: $rolloutId) {
      sequence
      type
    }
  }
`);

/** Reloads the rollout whenever its workflow records something (another lead's change, a due-date timer, a review). */
export function useRolloutEvents(rolloutId: string, onEvent: () => void) {
  const [{ data }] = useSubscription({ query: RolloutsLiveEventsSubscription, variables: { rolloutId } });
  const latest = useRef(onEvent);
  latest.current = onEvent;
  const sequence = data?.rolloutEvents.sequence;
  useEffect(() => {
    if (sequence !== undefined) latest.current();
  }, [sequence]);
}
