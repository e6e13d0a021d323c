import { Module } from '@nestjs/common';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { createApiMetricsRegistry } from './api-metrics-registry.js';
import { GraphQLMetricsPlugin } from './graphql-metrics.plugin.js';
import { GraphQLRequestMetrics } from './graphql-request-metrics.js';
import { MetricsController } from './metrics.controller.js';

/** Prometheus metrics: GET /metrics, and the Apollo plugin counting GraphQL requests (found by @Plugin). */
@Module({
  controllers: [MetricsController],
  providers: [
    { provide: Registry, useFactory: createApiMetricsRegistry, inject: [DataSource] },
    GraphQLRequestMetrics,
    GraphQLMetricsPlugin,
  ],
})
export class MetricsModule {}
