import { type INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule, type ApiDependencies } from './app.module.js';

/** Builds the Nest application around dependencies the caller owns (and closes). */
export async function createApiApp(deps: ApiDependencies, logger: Logger | false = new Logger()): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.register(deps), { logger: logger === false ? false : ['log', 'warn', 'error'] });
  app.enableShutdownHooks();
  return app;
}
