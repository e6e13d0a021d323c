import { useState } from 'react';
import type { OperationContext } from 'urql';

/**
 * What an admin screen does after a save: says what was done (for its StatusNotice), reads its list again from the
 * network, and counts the saves (a key that makes the next "create" form start empty).
 */
export function useReloadAfterSave(refetch: (context?: Partial<OperationContext>) => void) {
  const [status, setStatus] = useState<string>();
  const [saves, setSaves] = useState(0);
  const reload = (message: string) => {
    setStatus(message);
    setSaves((count) => count + 1);
    refetch({ requestPolicy: 'network-only' });
  };
  return { status, saves, reload };
}
