// `pnpm codegen`: resolver types for the server, and the printed contract the SDK is generated from.
import type { CodegenConfig } from '@graphql-codegen/cli';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';

// Sorted like printContract in src/schema/type-defs.ts; a test checks the file still describes the server's schema.
const printContractPlugin = {
  plugin: (schema: GraphQLSchema) => `${printSchema(lexicographicSortSchema(schema))}\n`,
};

const config: CodegenConfig = {
  overwrite: true,
  schema: 'src/**/*.graphql',
  generates: {
    'src/__generated__/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        immutableTypes: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { DateTime: 'Date', JSON: 'unknown', ID: 'string' },
        contextType: '../context.js#GatewayContext',
        mappers: {
          User: '../mappers.js#UserParent',
          ApiKey: '../mappers.js#ApiKeyParent',
          Connection: '../mappers.js#ConnectionParent',
          ProviderError: '../mappers.js#ProviderErrorParent',
          Integration: '../mappers.js#IntegrationParent',
          BookingPage: '../mappers.js#BookingPageParent',
          Location: '../mappers.js#LocationParent',
          Reason: '../mappers.js#ReasonParent',
          ImpactReport: '../impact/mappers.js#ImpactReportParent',
          PageImpact: '../impact/mappers.js#PageImpactParent',
          RemediationStep: '../mappers.js#RemediationStepParent',
          RemediationOption: '../mappers.js#RemediationOptionParent',
          RemediationAction: '../mappers.js#RemediationActionParent',
          BookingPageWarning: '../mappers.js#WarningParent',
          BookingPageEdge: '../mappers.js#BookingPageEdgeParent',
          BookingPageConnection: '../mappers.js#BookingPageConnectionParent',
          AuthorizationSession: '../mappers.js#AuthorizationSessionParent',
          Event: '../mappers.js#EventParent',
          EventEdge: '../mappers.js#EventEdgeParent',
          EventConnection: '../mappers.js#EventConnectionParent',
          ConnectionStatusEvent: '../mappers.js#EventParent',
          ConnectionSnapshot: '../mappers.js#ConnectionSnapshotParent',
          BookingPageSnapshot: '../mappers.js#BookingPageSnapshotParent',
          BookingPageStateEvent: '../mappers.js#EventParent',
          ExchangeSettings: '../mappers.js#ExchangeSettingsParent',
          ExchangeConnectionReport: '../mappers.js#ExchangeReportParent',
          ExchangeConnectionStep: '../mappers.js#ExchangeStepParent',
          WebhookEndpoint: '../mappers.js#WebhookEndpointParent',
          WebhookDelivery: '../mappers.js#WebhookDeliveryParent',
          WebhookDeliveryEdge: '../mappers.js#WebhookDeliveryEdgeParent',
          WebhookDeliveryConnection: '../mappers.js#WebhookDeliveryConnectionParent',
        },
      },
    },
    'schema.graphql': {
      plugins: ['print-contract'],
      // Biome owns the file's layout; the test compares meaning, not whitespace.
      hooks: { afterOneFileWrite: ['biome format --write'] },
    },
  },
  pluginLoader: (name: string) => (name === 'print-contract' ? printContractPlugin : import(name)),
};

export default config;
