import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RolloutTemplate } from '../domain/rollout/index.js';

/** The folder of the plan templates shipped with the project (found from the source tree and from dist/ alike). */
export function shippedTemplatesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'templates', 'rollouts'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('templates/rollouts not found above libs/db');
    dir = parent;
  }
  return join(dir, 'templates', 'rollouts');
}

/** Every template file of templates/rollouts, by file name. */
export function shippedRolloutTemplates(): RolloutTemplate[] {
  const dir = shippedTemplatesDir();
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as RolloutTemplate);
}
