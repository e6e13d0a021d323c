import { useEffect, useRef } from 'react';
import type { OperationContext } from 'urql';

/**
 * Reads a query again from the network whenever `signal` changes (e.g. a live event arrived), not on the first render
 * (the query's own first fetch covers that).
 */
export function useRefetchOn(signal: unknown, reexecute: (context?: Partial<OperationContext>) => void): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    reexecute({ requestPolicy: 'network-only' });
  }, [signal, reexecute]);
}
