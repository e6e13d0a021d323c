import proto from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { workflowBundle } from '../../test/support/test-stack.js';

// Histories of real runs, replayed against today's workflow code: a change that would break running tickets
// (non-deterministic without `patched`) fails here.
const historiesDir = new URL('./histories/', import.meta.url);
const histories = readdirSync(historiesDir).filter((file) => file.endsWith('.json'));

describe('ticket workflow histories replay on the current code', () => {
  it('has histories to replay', () => {
    expect(histories.length).toBeGreaterThan(0);
  });

  it.each(histories)('%s', async (file) => {
    // Saved with JSON.stringify of the fetched history; fromObject reads that shape back (the SDK's historyFromJSON
    // expects the CLI's proto-JSON instead).
    const history = proto.temporal.api.history.v1.History.fromObject(JSON.parse(readFileSync(new URL(file, historiesDir), 'utf8')));
    await Worker.runReplayHistory({ workflowBundle: workflowBundle() }, history, `ticket-replay-${file}`);
  });
});
