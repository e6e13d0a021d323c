import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseMapping, type MigrationMapping } from '../../libs/domain/migration/index.js';

/** A file of test/fixtures/migration (copies of the shared public data and hand-written dirty exports). */
export function migrationFixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/migration/${name}`, import.meta.url));
}

/** A mapping file of examples/migration. */
export function exampleMappingPath(name: string): string {
  return fileURLToPath(new URL(`../../examples/migration/${name}`, import.meta.url));
}

/** A mapping file of examples/migration, parsed; fails the test when it has issues. */
export function exampleMapping(name: string, edit: (text: string) => string = (text) => text): MigrationMapping {
  const { mapping, issues } = parseMapping(edit(readFileSync(exampleMappingPath(name), 'utf8')));
  if (!mapping) throw new Error(`${name}: ${JSON.stringify(issues)}`);
  return mapping;
}
