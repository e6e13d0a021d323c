import proto from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { workflowBundle } from '../../test/support/test-stack.js';

// Histories of rollout runs (recorded by rollout.workflow.spec.ts), replayed against today's workflow code: those
// named `*-before-<patch>` were recorded by the code before that patch, so a change that would break running rollouts
// (non-deterministic without `patched`) fails here.
const historiesDir = new URL('./histories/', import.meta.url);
const histories = readdirSync(historiesDir).filter((file) => file.endsWith('.json'));

describe('rollout workflow histories replay on the current code', () => {
  it('has histories to replay', () => {
    expect(histories.length).toBeGreaterThan(0);
  });

  it.each(histories)('%s', async (file) => {
    const history = proto.temporal.api.history.v1.History.fromObject(JSON.parse(readFileSync(new URL(file, historiesDir), 'utf8')));
    await Worker.runReplayHistory({ workflowBundle: workflowBundle() }, history, `rollout-replay-${file}`);
  });
});
