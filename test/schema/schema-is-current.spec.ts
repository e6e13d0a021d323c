import { readFileSync } from 'node:fs';
import { renderSchemaSdl } from '../../apps/api/schema-sdl.js';

describe('the committed schema.graphql', () => {
  it('matches the schema the code builds (run `npm run schema` when this fails)', async () => {
    const committed = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
    expect(committed).toEqual(await renderSchemaSdl());
  });
});
