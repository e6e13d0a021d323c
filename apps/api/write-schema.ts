import { writeFileSync } from 'node:fs';
import { renderSchemaSdl } from './schema-sdl.js';

// `npm run schema`: regenerates the committed schema.graphql so clients can read the API without running it.
const target = new URL('../../../schema.graphql', import.meta.url); // dist/apps/api → project root
writeFileSync(target, await renderSchemaSdl());
console.log(`wrote ${target.pathname}`);
