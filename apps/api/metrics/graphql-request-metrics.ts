import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry } from 'prom-client';

/** How a GraphQL request ended: with data and no error, or with at least one error (refused, invalid or failed). */
export type GraphQLOutcome = 'success' | 'error';

/** Requests and their latency per GraphQL operation, counted by this API replica. */
@Injectable()
export class GraphQLRequestMetrics {
  private readonly requests: Counter<'operation' | 'outcome'>;
  private readonly duration: Histogram<'operation'>;

  constructor(registry: Registry) {
    this.requests = new Counter({
      name: 'helpdesk_graphql_requests_total',
      help: 'GraphQL requests over HTTP by operation name and outcome',
      labelNames: ['operation', 'outcome'],
      registers: [registry],
    });
    this.duration = new Histogram({
      name: 'helpdesk_graphql_request_duration_seconds',
      help: 'Time from receiving a GraphQL request to sending its response, by operation name',
      labelNames: ['operation'],
      registers: [registry],
    });
  }

  record(operation: string, outcome: GraphQLOutcome, seconds: number): void {
    this.requests.inc({ operation, outcome });
    this.duration.observe({ operation }, seconds);
  }
}
