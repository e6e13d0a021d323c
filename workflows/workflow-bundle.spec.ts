import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preloadedWorkflowModules } from '../libs/temporal/preloaded-workflow-modules.js';
import { workflowBundle } from '../test/support/test-stack.js';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const bundledModules = (): string[] => [...workflowBundle().code.matchAll(/^\/\*\*\*\/ "([^"]+)"$/gm)].map(([, id]) => id);
/** A module's path from the project root without its extension, as `./libs/domain/sla/index` (bundle ids carry .ts or .js). */
const withoutExtension = (path: string): string => path.replace(/\.[jt]s$/, '');

// A worker evaluates the bundle's modules again in each cached workflow's context, so whatever the bundle carries is
// paid once per cached workflow: the YAML library behind the migration mapping parser cost about 0.4 MiB a workflow
// (bench/open-tickets-memory.ts, 2,000 open tickets of which 1,000 cached: 1,218 MiB with it, 843 MiB without).
describe('the workflow bundle', () => {
  it('carries neither the migration mapping parser nor its YAML library', () => {
    const modules = bundledModules();

    expect(modules).toContainEqual(expect.stringMatching(/workflows\/ticket\/ticket\.workflow\./));
    expect(modules.filter((id) => /node_modules\/yaml\/|migration\/migration-mapping\./.test(id))).toEqual([]);
  });

  // Preloaded modules are evaluated once and shared by every workflow (libs/temporal/preloaded-workflow-modules.ts).
  it('preloads every domain module it carries, and nothing of the workflows or the SDK', () => {
    const preloaded = preloadedWorkflowModules().map((path) => withoutExtension(`./${relative(projectRoot, path)}`));
    const domainModules = bundledModules()
      .map((id) => withoutExtension(id.replace(/^\.\/dist\//, './')))
      .filter((id) => id.startsWith('./libs/domain/'));

    expect(domainModules.filter((id) => !preloaded.includes(id))).toEqual([]);
    expect(preloaded.filter((id) => !id.startsWith('./libs/domain/'))).toEqual([]);
  });
});
