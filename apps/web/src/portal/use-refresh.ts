import { useEffect } from 'react';

/**
 * Calls `refresh` every `intervalMs` while the page is visible, and at once when the customer comes back to it (tab
 * focus): a request's page has no subscription (no login), so this is how it sees an agent's answer or a new status.
 */
export function useRefresh(refresh: () => void, intervalMs: number): void {
  useEffect(() => {
    const whenVisible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    const timer = window.setInterval(whenVisible, intervalMs);
    window.addEventListener('focus', whenVisible);
    document.addEventListener('visibilitychange', whenVisible);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', whenVisible);
      document.removeEventListener('visibilitychange', whenVisible);
    };
  }, [refresh, intervalMs]);
}
