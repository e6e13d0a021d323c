import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EventEmitter, on } from 'node:events';
import pg from 'pg';
import type { DataSource } from 'typeorm';

const RECONNECT_DELAY_MS = 1000;

/**
 * Listens on a PostgreSQL channel the worker announces events on (NOTIFY, delivered on commit), and fans them out to
 * this replica's subscribers. If the database drops, it listens again once it is back (events in between are on the
 * timeline, not pushed).
 */
export abstract class PgNotificationHub<Event> implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(this.constructor.name);
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private client: pg.Client | undefined;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly channel: string,
    /** What the events are, for the log. */
    private readonly what: string,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Rendering the schema builds the app without a database: nothing to listen to then.
    if (this.dataSource.isInitialized) await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  /** The events that pass `filter`, until the subscriber goes away (`return()` detaches at once). */
  subscribe(filter: (event: Event) => boolean): AsyncIterableIterator<Event> {
    const controller = new AbortController();
    const source = on(this.emitter, 'event', { signal: controller.signal });
    const iterator: AsyncIterableIterator<Event> = {
      async next() {
        for (;;) {
          const result = await source.next().catch((error: unknown) => {
            if (controller.signal.aborted) return { done: true as const, value: undefined };
            throw error;
          });
          if (result.done) return { done: true, value: undefined };
          const [event] = result.value as [Event];
          if (filter(event)) return { done: false, value: event };
        }
      },
      async return() {
        controller.abort();
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }

  private async listen(): Promise<void> {
    // A connection of its own, outside the pool: LISTEN holds it for the life of the process.
    const client = new pg.Client({ connectionString: (this.dataSource.options as { url?: string }).url });
    client.on('error', (error) => this.lost(client, error));
    client.on('notification', ({ channel, payload }) => {
      if (channel === this.channel && payload) this.emitter.emit('event', JSON.parse(payload) as Event);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
      this.client = client;
    } catch (error) {
      this.lost(client, error as Error);
    }
  }

  /** The connection failed or dropped: drop it and listen again shortly (unless shutting down). */
  private lost(client: pg.Client, error: Error): void {
    if (this.client && this.client !== client) return; // an old connection's late error
    this.client = undefined;
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    this.logger.warn(`${this.what} interrupted (${error.message}); listening again in ${RECONNECT_DELAY_MS} ms.`);
    // Not after shutdown: a timer set during an outage must not open a connection once the app has stopped.
    setTimeout(() => void (this.stopped ? undefined : this.listen()), RECONNECT_DELAY_MS).unref();
  }
}
