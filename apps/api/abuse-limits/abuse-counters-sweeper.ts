import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { APP_CONFIG } from '../app-config.token.js';
import { AbuseCounters } from './abuse-counters.js';

/** Counters deleted per statement: each DELETE stays short however many have piled up. */
export const SWEEP_BATCH_SIZE = 1000;

/**
 * Deletes expired abuse counters every ABUSE_COUNTERS_SWEEP_SECONDS, a batch at a time until none is left, so the
 * table holds only live counters. Every replica sweeps on its own timer (the batches skip rows another is deleting).
 * A counter counts as expired after the longest configured window: a shorter one has passed by then too.
 */
@Injectable()
export class AbuseCountersSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AbuseCountersSweeper.name);
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly counters: AbuseCounters,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // Rendering the schema builds the app without a database: nothing to sweep then.
    if (!this.dataSource.isInitialized) return;
    // unref: the timer alone never keeps the process up. A sweep still running when the next is due is not doubled.
    this.timer = setInterval(() => {
      this.sweeping ??= this.sweep().finally(() => (this.sweeping = undefined));
    }, this.config.abuseCountersSweepSeconds * 1000).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.sweeping;
  }

  private async sweep(): Promise<void> {
    const { loginFailureWindowSeconds, publicRateWindowSeconds, inboundSenderWindowSeconds } = this.config;
    const windowSeconds = Math.max(loginFailureWindowSeconds, publicRateWindowSeconds, inboundSenderWindowSeconds);
    try {
      // A full batch may have left more; shutting down stops between batches.
      while (this.timer && (await this.counters.deleteExpired(SWEEP_BATCH_SIZE, windowSeconds)) === SWEEP_BATCH_SIZE) continue;
    } catch (error) {
      // E.g. the database is out of reach: the next tick tries again.
      this.logger.warn(`expired abuse counters not deleted: ${(error as Error).message}`);
    }
  }
}
