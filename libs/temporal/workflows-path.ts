import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The workflow bundle's entry: the compiled file under dist/, or the TypeScript source in tests. */
export function workflowsEntryPath(): string {
  const compiled = fileURLToPath(new URL('../../workflows/index.js', import.meta.url));
  return existsSync(compiled) ? compiled : compiled.replace(/\.js$/, '.ts');
}
