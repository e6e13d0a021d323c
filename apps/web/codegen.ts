import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed operations from the committed schema: every graphql(`…`) in the app gets its result and variable types.
// Run from the repository root by scripts/build-web.sh; the output (src/gql) is generated, not committed.
const SCALARS = { DateTime: 'string', JSON: 'unknown' };

const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['apps/web/src/**/*.{ts,tsx}', '!apps/web/src/gql/**'],
  ignoreNoDocuments: true,
  silent: true,
  generates: {
    'apps/web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { enumsAsTypes: true, useTypeImports: true, scalars: SCALARS },
    },
    // Every enum and input of the schema (the preset above emits only those its operations use).
    'apps/web/src/gql/schema-types.ts': {
      plugins: ['typescript'],
      config: { enumsAsTypes: true, useTypeImports: true, scalars: SCALARS },
    },
  },
};

export default config;
