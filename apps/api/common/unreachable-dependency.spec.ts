import { GraphQLError } from 'graphql';
import { unreachableDependency } from './unreachable-dependency.js';

// gRPC status codes, as the Temporal client's errors carry them.
const UNAVAILABLE = 14;
const DEADLINE_EXCEEDED = 4;

/** The shape of a failed gRPC call (code, details, metadata), as the client's isGrpcServiceError reads it. */
function grpcError(code: number): Error {
  return Object.assign(new Error(`${code} failed`), { code, details: 'No connection established', metadata: {} });
}

describe('unreachableDependency', () => {
  it('names the workflow service for a gRPC UNAVAILABLE anywhere in the chain (GraphQL wraps the client error, which wraps the call)', () => {
    const clientError = new Error('Failed to call the workflow service', { cause: grpcError(UNAVAILABLE) });
    const graphqlError = new GraphQLError('Unexpected error.', { originalError: clientError });
    expect(unreachableDependency(graphqlError)).toMatch(/workflow service is not reachable/);
  });

  it('names the database for a dropped or refused PostgreSQL connection, also inside a TypeORM error', () => {
    expect(unreachableDependency(Object.assign(new Error('query failed'), { driverError: { code: '57P01' } }))).toMatch(/database is not answering/);
    expect(unreachableDependency(new Error('Connection terminated unexpectedly'))).toMatch(/database is not answering/);
    expect(unreachableDependency(new AggregateError([Object.assign(new Error('connect'), { code: 'ECONNREFUSED' })]))).toMatch(/database/);
  });

  it('leaves every other error alone: a gRPC error of another kind, a constraint violation, a plain bug', () => {
    expect(unreachableDependency(new Error('wrapped', { cause: grpcError(DEADLINE_EXCEEDED) }))).toBeUndefined();
    expect(unreachableDependency(Object.assign(new Error('duplicate key'), { driverError: { code: '23505' } }))).toBeUndefined();
    expect(unreachableDependency(new TypeError('x is undefined'))).toBeUndefined();
    expect(unreachableDependency('a string')).toBeUndefined();
  });
});
