import type { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule, type ApiDependencies } from './app.module.js';

const MAX_REQUEST_BODY = '1mb';

/**
 * Builds the Nest application around dependencies the caller owns (and closes). No Nest shutdown hooks: the process
 * entry point decides the shutdown order (Nest's hooks would re-raise the signal and kill the process mid-way).
 */
export async function createApiApp(deps: ApiDependencies, logLevels: LogLevel[] | false = ['warn', 'error']): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(deps), { logger: logLevels });
  // Room for a routing simulation of 1,000 scenarios; single fields are limited by the inputs' own checks.
  app.useBodyParser('json', { limit: MAX_REQUEST_BODY });
  // The abuse limits count by req.ip: behind the gateway it must come from X-Forwarded-For, set by trusted proxies only.
  app.set('trust proxy', deps.config.trustProxy);
  return app;
}
