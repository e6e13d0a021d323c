import { ServiceError, type Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { GraphQLError } from 'graphql';
import { formatError } from '../common/format-error.js';
import { queryRunProgress } from './query-run-progress.js';

// The progress query against a Temporal client whose answers a test scripts: a worker too busy to answer is the
// "Failed to query Workflow" the CLI died on under load.

const busy = () => new ServiceError('Failed to query Workflow');
const POLICY = { attempts: 3, deadlineMs: 1_000, pauseMs: 1 };

function clientAnswering(...answers: Array<unknown>): { client: Client; calls: () => number } {
  let calls = 0;
  const client = {
    withDeadline: (_deadline: number, fn: () => Promise<unknown>) => fn(),
    workflow: {
      getHandle: () => ({
        query: async () => {
          const answer = answers[Math.min(calls++, answers.length - 1)];
          if (answer instanceof Error) throw answer;
          return answer;
        },
      }),
    },
  } as unknown as Client;
  return { client, calls: () => calls };
}

describe('queryRunProgress', () => {
  it('asks again when the worker did not answer, and returns the answer that came', async () => {
    const { client, calls } = clientAnswering(busy(), { status: 'running' });
    await expect(queryRunProgress(client, 'run-1', POLICY)).resolves.toEqual({ status: 'running' });
    expect(calls()).toBe(2);
  });

  it('answers SERVICE_UNAVAILABLE, shown to the client as it is, when the worker keeps not answering', async () => {
    const { client, calls } = clientAnswering(busy());
    const error = (await queryRunProgress(client, 'run-1', POLICY).catch((caught: unknown) => caught)) as GraphQLError;
    expect(calls()).toBe(3);
    expect(error.extensions.code).toBe('SERVICE_UNAVAILABLE');
    const shown = formatError({ message: error.message, extensions: { ...error.extensions, stacktrace: ['…'] } }, error);
    expect(shown).toEqual({ message: error.message, extensions: { code: 'SERVICE_UNAVAILABLE' } });
  });

  it('is null once the workflow is gone', async () => {
    const { client } = clientAnswering(new WorkflowNotFoundError('gone', 'migration:run-1', undefined));
    await expect(queryRunProgress(client, 'run-1', POLICY)).resolves.toBeNull();
  });
});
