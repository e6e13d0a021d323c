import type { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule, type ApiDependencies } from './app.module.js';

/**
 * Builds the Nest application around dependencies the caller owns (and closes). No Nest shutdown hooks: the process
 * entry point decides the shutdown order (Nest's hooks would re-raise the signal and kill the process mid-way).
 */
export async function createApiApp(deps: ApiDependencies, logLevels: LogLevel[] | false = ['warn', 'error']): Promise<INestApplication> {
  return NestFactory.create(AppModule.register(deps), { logger: logLevels });
}
