import { workflowBundle } from '../test/support/test-stack.js';

// A worker evaluates the bundle's modules again in each cached workflow's context, so whatever the bundle carries is
// paid once per cached workflow: the YAML library behind the migration mapping parser cost about 0.4 MiB a workflow
// (bench/open-tickets-memory.ts, 2,000 open tickets of which 1,000 cached: 1,218 MiB with it, 843 MiB without).
describe('the workflow bundle', () => {
  it('carries neither the migration mapping parser nor its YAML library', () => {
    const modules = [...workflowBundle().code.matchAll(/^\/\*\*\*\/ "([^"]+)"$/gm)].map(([, id]) => id);

    expect(modules).toContainEqual(expect.stringMatching(/workflows\/ticket\/ticket\.workflow\./));
    expect(modules.filter((id) => /node_modules\/yaml\/|migration\/migration-mapping\./.test(id))).toEqual([]);
  });
});
