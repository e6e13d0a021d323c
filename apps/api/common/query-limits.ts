import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/** Refuses operations nested deeper than `maxDepth` fields (fragments followed), before anything runs. */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map(context.getDocument().definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])));
    const depthOf = (selectionSet: SelectionSetNode | undefined, seen: Set<string>): number => {
      if (!selectionSet) return 0;
      let deepest = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith('__')) continue;
          deepest = Math.max(deepest, (selection.selectionSet ? 1 : 0) + depthOf(selection.selectionSet, seen));
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, seen));
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (fragment && !seen.has(name)) deepest = Math.max(deepest, depthOf(fragment.selectionSet, new Set([...seen, name])));
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, new Set());
        if (depth > maxDepth) {
          context.reportError(new GraphQLError(`The query is nested ${depth} levels deep; the limit is ${maxDepth}.`, { nodes: [node] }));
        }
      },
    };
  };
}

/**
 * Refuses operations with more than `maxAliases` aliased fields (fragments counted where they are spread): aliases let
 * one request run the same field many times (a login per alias), past what depth and complexity see.
 */
export function aliasLimitRule(maxAliases: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map(context.getDocument().definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])));
    const aliasesIn = (selectionSet: SelectionSetNode | undefined, seen: Set<string>): number => {
      let count = 0;
      for (const selection of selectionSet?.selections ?? []) {
        if (selection.kind === Kind.FIELD) {
          count += (selection.alias ? 1 : 0) + aliasesIn(selection.selectionSet, seen);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          count += aliasesIn(selection.selectionSet, seen);
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (fragment && !seen.has(name)) count += aliasesIn(fragment.selectionSet, new Set([...seen, name]));
        }
      }
      return count;
    };
    return {
      OperationDefinition(node) {
        const aliases = aliasesIn(node.selectionSet, new Set());
        if (aliases > maxAliases) {
          context.reportError(new GraphQLError(`The operation uses ${aliases} aliases; the limit is ${maxAliases}.`, { nodes: [node] }));
        }
      },
    };
  };
}

/** Refuses operations whose estimated cost passes `maxComplexity` (list fields cost their page size). */
export function complexityLimitPlugin(maxComplexity: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let complexity: number;
          try {
            complexity = getComplexity({
              schema,
              operationName: request.operationName,
              query: document,
              variables: request.variables,
              estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (error) {
            // getComplexity coerces the variables itself, before Apollo does: a bad variable (e.g. an unknown enum value)
            // surfaces here, uncoded, and would reach the client as an internal error.
            if (error instanceof GraphQLError) throw refused(error.message, { nodes: error.nodes });
            throw error;
          }
          if (complexity > maxComplexity) {
            throw refused(`The query costs ${complexity}; the limit is ${maxComplexity}. Ask for fewer fields or smaller pages.`, {
              extensions: { complexity, maxComplexity },
            });
          }
        },
      };
    },
  };
}

/** A request refused before it runs: BAD_USER_INPUT, and HTTP 400 (Apollo answers 500 for errors thrown by plugins). */
function refused(message: string, options: { nodes?: GraphQLError['nodes']; extensions?: Record<string, unknown> }): GraphQLError {
  return new GraphQLError(message, {
    nodes: options.nodes,
    extensions: { ...options.extensions, code: 'BAD_USER_INPUT', http: { status: 400 } },
  });
}
