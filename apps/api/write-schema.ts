import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderSchemaSdl } from './schema-sdl.js';

// `npm run schema`: regenerates the committed schema.graphql so clients can read the API without running it.
// A build compiled elsewhere (another outDir) names the file to write as its argument.
const target = process.argv[2] ?? fileURLToPath(new URL('../../../schema.graphql', import.meta.url)); // dist/apps/api → project root
writeFileSync(target, await renderSchemaSdl());
console.log(`wrote ${target}`);
