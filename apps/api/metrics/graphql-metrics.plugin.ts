import type { ApolloServerPlugin, GraphQLRequestContext, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { GraphQLRequestMetrics } from './graphql-request-metrics.js';

/**
 * Labels a request with its operation's name, or "anonymous". A document that never got as far as naming an operation
 * (unparsable, invalid) is "unresolved": the name a client sends beside it is unchecked text, not a label.
 */
function operationLabel(context: GraphQLRequestContext<object>): string {
  if (!context.operation) return 'unresolved';
  return context.operation.name?.value ?? 'anonymous';
}

/** Records every GraphQL request over HTTP in GraphQLRequestMetrics (graphql-ws subscriptions do not pass Apollo's plugins). */
@Plugin()
export class GraphQLMetricsPlugin implements ApolloServerPlugin {
  constructor(private readonly metrics: GraphQLRequestMetrics) {}

  async requestDidStart(): Promise<GraphQLRequestListener<object>> {
    const startedAt = process.hrtime.bigint();
    return {
      willSendResponse: async (context) => {
        const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
        this.metrics.record(operationLabel(context), context.errors?.length ? 'error' : 'success', seconds);
      },
    };
  }
}
