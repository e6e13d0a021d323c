import { jest } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runMigrateCommand } from './migrate.js';

// `migrate follow` against a stand-in API whose answers a test scripts (the real API is driven in
// test/e2e/migration-zendesk.e2e.spec.ts): under load the API can answer SERVICE_UNAVAILABLE for a while.

const unavailable = { errors: [{ message: "The run's live progress is not available right now.", extensions: { code: 'SERVICE_UNAVAILABLE' } }] };
const forbidden = { errors: [{ message: 'Not yours.', extensions: { code: 'FORBIDDEN' } }] };
const completed = {
  data: { migrationRun: { id: 'run-1', status: 'completed', phase: null, waitingReason: null, report: { totals: {} }, progress: null } },
};

async function apiAnswering(...answers: object[]): Promise<{ url: string; requests: () => number; server: Server }> {
  let requests = 0;
  const server = createServer((request, response) => {
    request.resume().on('end', () => {
      const answer = answers[Math.min(requests++, answers.length - 1)];
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, requests: () => requests, server };
}

describe('migrate follow', () => {
  let server: Server | undefined;
  beforeEach(() => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    server?.close();
  });

  it('keeps following through SERVICE_UNAVAILABLE answers, asking again after a pause', async () => {
    const api = await apiAnswering(unavailable, unavailable, completed);
    server = api.server;
    await runMigrateCommand(['follow', 'run-1', '--api', api.url, '--token', 't']);
    expect(api.requests()).toBe(3);
    expect(console.log).toHaveBeenCalledWith(expect.stringMatching(/^ {2}progress not available \(SERVICE_UNAVAILABLE: .*\); asking again in 1 s$/));
  });

  it('stops at once on an error asking again would not cure', async () => {
    const api = await apiAnswering(forbidden, completed);
    server = api.server;
    await expect(runMigrateCommand(['follow', 'run-1', '--api', api.url, '--token', 't'])).rejects.toThrow('FORBIDDEN: Not yours.');
    expect(api.requests()).toBe(1);
  });
});
