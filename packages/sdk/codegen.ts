// `pnpm codegen`: typed documents for every operation in src/operations, from the gateway's schema contract.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  overwrite: true,
  schema: '../../apps/gateway/schema.graphql',
  documents: ['src/operations/**/*.ts'],
  ignoreNoDocuments: false,
  emitLegacyCommonJSImports: false,
  generates: {
    'src/__generated__/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { DateTime: 'string', JSON: 'unknown' },
        documentMode: 'string',
      },
    },
  },
};

export default config;
