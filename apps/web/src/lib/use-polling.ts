import { useEffect } from 'react';

/**
 * Calls `refresh` every `intervalMs` while the page is visible, and at once when the person comes back to it (tab
 * focus): for what no live event announces (a customer's request page has no subscription; a ticket entering the
 * board's window sends no event). `refresh` should be stable (useCallback), or the timer restarts on every render.
 */
export function usePolling(refresh: () => void, intervalMs: number): void {
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
