import { setTimeout as sleep } from 'node:timers/promises';

/** Retries `probe` until it resolves or `timeoutMs` passes; the last error explains a timeout. */
export async function waitFor<T>(what: string, probe: () => Promise<T>, timeoutMs: number, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      return await probe();
    } catch (error) {
      lastError = error;
      await sleep(intervalMs);
    }
  }
  const reason = lastError instanceof Error ? lastError.message : String(lastError);
  throw new Error(`${what} was not ready after ${timeoutMs} ms: ${reason}`);
}
