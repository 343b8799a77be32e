// The SDL lives in one `.graphql` file per module; this is the list the server and codegen both merge.
import { readFileSync } from 'node:fs';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';

/** Relative to the package's src/ (shipped with the package, so dist/ finds it too). */
export const SCHEMA_FILES = [
  'schema/base.graphql',
  'users/users.graphql',
  'connections/connections.graphql',
  'pages/pages.graphql',
  'events/events.graphql',
  'exchange/exchange.graphql',
  'auth/api-keys.graphql',
  'directory/directory.graphql',
  'webhooks/webhooks.graphql',
  'notifications/notifications.graphql',
  'outbox/outbox.graphql',
  'impact/impact.graphql',
  'health/health.graphql',
] as const;

// src/schema/ or dist/schema/ → the package root.
const PACKAGE_ROOT = new URL('../../', import.meta.url);

export function loadTypeDefs(): string[] {
  return SCHEMA_FILES.map((file) => readFileSync(new URL(`src/${file}`, PACKAGE_ROOT), 'utf8'));
}

/** The contract file (`schema.graphql`): the merged schema, sorted so its text depends only on its meaning. */
export function printContract(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

export const CONTRACT_FILE = new URL('schema.graphql', PACKAGE_ROOT);
