import { Logger, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import type { AbstractHttpAdapter } from '@nestjs/core';
import { GraphQLError } from 'graphql';
import { GraphQLErrorFilter, UNREACHABLE_RETRY_AFTER_SECONDS } from './graphql-error.filter.js';
import { userError } from './user-error.js';

/** What the filter wrote to an HTTP response, through Express's calls or Nest's adapter (its own answers). */
interface Written {
  status?: number;
  headers: Record<string, string>;
  body?: unknown;
}

function httpHost(written: Written): ArgumentsHost {
  const response = {
    status: (status: number) => ((written.status = status), response),
    setHeader: (name: string, value: string) => (written.headers[name.toLowerCase()] = value),
    json: (body: unknown) => (written.body = body),
  };
  return {
    getType: () => 'http',
    getArgByIndex: (index: number) => [{}, response][index],
    switchToHttp: () => ({ getResponse: () => response }),
  } as unknown as ArgumentsHost;
}

function filterWriting(written: Written): GraphQLErrorFilter {
  const adapter = {
    isHeadersSent: () => false,
    reply: (_response: unknown, body: unknown, status: number) => Object.assign(written, { status, body }),
  };
  return new GraphQLErrorFilter(adapter as unknown as AbstractHttpAdapter);
}

function answerTo(error: unknown): Written {
  const written: Written = { headers: {} };
  filterWriting(written).catch(error, httpHost(written));
  return written;
}

describe('GraphQLErrorFilter on plain HTTP routes', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('answers 503 SERVICE_UNAVAILABLE with Retry-After for a database out of reach, as a user error reads', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5488'), { code: 'ECONNREFUSED' });
    const typeormError = Object.assign(new Error('Connection terminated unexpectedly'), { driverError: refused });

    expect(answerTo(typeormError)).toEqual({
      status: 503,
      headers: { 'retry-after': String(UNREACHABLE_RETRY_AFTER_SECONDS) },
      body: { code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(/database is not answering/), retryAfterSeconds: UNREACHABLE_RETRY_AFTER_SECONDS },
    });
  });

  it('answers the same for the workflow service out of reach (gRPC UNAVAILABLE under the client error)', () => {
    const grpc = Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14, details: 'No connection established', metadata: {} });
    expect(answerTo(new Error('Failed to start workflow', { cause: grpc }))).toMatchObject({
      status: 503,
      body: { code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(/workflow service is not reachable/) },
    });
  });

  it('keeps user errors as they were: the status of their code, Retry-After only when they say when', () => {
    expect(answerTo(userError('TOO_MANY_REQUESTS', 'Slow down.', { retryAfterSeconds: 42 }))).toEqual({
      status: 429,
      headers: { 'retry-after': '42' },
      body: { code: 'TOO_MANY_REQUESTS', message: 'Slow down.', retryAfterSeconds: 42 },
    });
    expect(answerTo(userError('NOT_FOUND', 'No such ticket.'))).toEqual({ status: 404, headers: {}, body: { code: 'NOT_FOUND', message: 'No such ticket.' } });
  });

  it("leaves anything else to Nest's own answer: its HTTP exceptions, and a plain 500 for a bug", () => {
    expect(answerTo(new NotFoundException('Cannot GET /nowhere'))).toMatchObject({ status: 404, headers: {} });
    expect(answerTo(new TypeError('x is undefined'))).toEqual({ status: 500, headers: {}, body: { statusCode: 500, message: 'Internal server error' } });
    expect(answerTo(new GraphQLError('a resolver bug'))).toEqual({ status: 500, headers: {}, body: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } });
  });

  it('hands GraphQL its errors back (formatError maps them), whatever they are', () => {
    const graphqlHost = { getType: () => 'graphql' } as unknown as ArgumentsHost;
    const filter = filterWriting({ headers: {} });
    const userFacing = userError('FORBIDDEN', 'Not for you.');
    const unreachable = Object.assign(new Error('connect'), { code: 'ECONNREFUSED' });

    expect(filter.catch(userFacing, graphqlHost)).toBe(userFacing);
    expect(() => filter.catch(unreachable, graphqlHost)).toThrow(unreachable);
  });
});
