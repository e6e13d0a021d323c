import { GraphQLError, specifiedRules, validate, type ValidationRule } from 'graphql';

/**
 * graphql-ws executes whatever operation a socket sends, outside Apollo: without this, a query or mutation sent over
 * the socket would skip the limits HTTP enforces (e.g. the alias limit that stops many logins in one request). So the
 * socket serves subscriptions only (the web console sends nothing else over it), checked by the same limit rules.
 */
export const subscriptionsOnlyRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation !== 'subscription') {
      context.reportError(
        new GraphQLError(`Only subscriptions are served over WebSocket; send the ${node.operation} to POST /graphql.`, { nodes: [node] }),
      );
    }
  },
});

/** graphql-ws's `validate` option: GraphQL's own rules, `limits`, and subscriptions only. */
export function websocketValidation(limits: ValidationRule[]): { validate: typeof validate } {
  return { validate: (schema, document) => validate(schema, document, [...specifiedRules, ...limits, subscriptionsOnlyRule]) };
}
