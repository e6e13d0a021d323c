import { Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor, type ConnectionOptions, type GrpcRetryOptions } from '@temporalio/client';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A Temporal client connection whose `close` is safe while the SDK is retrying a call.
 *
 * The SDK retries a failed call (UNAVAILABLE and the like) from a setTimeout, and `Connection.close()` leaves those
 * timers running: a retry firing after close threw "Channel has been shut down" from the timer, an uncaught
 * exception (in the test runs, a suite failed after all its tests passed). Here the same backoff is used, but close
 * first stops new retries, then waits until every retry already scheduled has started, and only then closes the
 * channel; a call cut off by the close fails to its caller instead of retrying.
 */
export async function connectClient(options: ConnectionOptions): Promise<Connection> {
  const retries = new ClosableRetries();
  const connection = await Connection.connect({ ...options, interceptors: [makeGrpcRetryInterceptor(retries)] });
  const closeChannel = connection.close.bind(connection);
  connection.close = async () => {
    await retries.stop();
    await closeChannel();
  };
  return connection;
}

type CallStatus = Parameters<GrpcRetryOptions['retryableDecider']>[1];

class ClosableRetries implements GrpcRetryOptions {
  private readonly backoff = defaultGrpcRetryOptions();
  private stopped = false;
  /** When the last retry scheduled so far starts (epoch ms). */
  private lastRetryAt = 0;

  retryableDecider = (attempt: number, status: CallStatus): boolean =>
    !this.stopped && this.backoff.retryableDecider(attempt, status);

  delayFunction = (attempt: number, status: CallStatus): number => {
    const delayMs = this.backoff.delayFunction(attempt, status);
    this.lastRetryAt = Math.max(this.lastRetryAt, Date.now() + delayMs);
    return delayMs;
  };

  /** No retry from now on; resolves once those already scheduled have started (at most the backoff's 6 s cap). */
  async stop(): Promise<void> {
    this.stopped = true;
    const waitMs = this.lastRetryAt - Date.now();
    if (waitMs > 0) await sleep(waitMs + 10);
  }
}
