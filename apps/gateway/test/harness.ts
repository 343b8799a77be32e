// Test harness: a real gateway on 127.0.0.1:0 over a real database (in-memory PGlite, or a Postgres
// database created for the file at TEST_DATABASE_URL), driven over HTTP and graphql-ws.
import { randomBytes } from 'node:crypto';
import {
  type Actor,
  createDatabase,
  createOrganization,
  createStateService,
  createUser,
  type DatabaseHandle,
  type DriverName,
  parseKeyring,
  type StateService,
  systemActor,
  type UserRole,
} from '@tsunagi/db';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@tsunagi/db/testing';
import { classifyProviderError } from '@tsunagi/errors';
import { afterAll, beforeAll } from 'vitest';
import { mintToken, type Role } from '../src/auth/token.js';
import { type EmbeddableGatewayConfig, gatewayConfig } from '../src/env.js';
import { createGateway, type Gateway, type GatewayOptions } from '../src/gateway.js';
import { rememberStarter } from './oauth.js';

export { describeEachDriver, describePostgres } from '@tsunagi/db/testing/suites';

/** A fresh Postgres database for one test file; returns its URL and how to drop it. */
export const createPostgresDatabase = (): Promise<ThrowawayDatabase> => createThrowawayDatabase('tsunagi_gw');

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: {
    data?: T | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  };
  text: string;
}

export interface Caller {
  readonly userId: string;
  readonly organizationId: string;
  readonly role: Role;
}

export interface TestOrganization {
  organizationId: string;
  users: Record<string, string>;
  system: Actor;
}

export interface TestGateway {
  gateway: Gateway;
  config: EmbeddableGatewayConfig;
  handle: DatabaseHandle;
  /** Every SQL statement the gateway's database ran, oldest first; clear it to count a request's. */
  queries: string[];
  /** The same transactional service the gateway uses, for test setup (e.g. marking connection errors). */
  state: StateService;
  url: string;
  wsUrl: string;
  /** Postgres: the file's database, for more gateways on it. */
  databaseUrl: string | null;
  token(caller: Caller, expiresIn?: number | string): Promise<string>;
  graphql<T = Record<string, unknown>>(
    query: string,
    options?: {
      variables?: Record<string, unknown>;
      token?: string | null;
      caller?: Caller;
      headers?: Record<string, string>;
    },
  ): Promise<GraphQLResponse<T>>;
  organization<const Names extends readonly string[]>(
    names: Names,
    roles?: Partial<Record<Names[number], UserRole>>,
  ): Promise<{ organizationId: string; users: Record<Names[number], string>; system: Actor }>;
  close(): Promise<void>;
}

export interface StartOptions {
  config?: Partial<EmbeddableGatewayConfig>;
  gateway?: Omit<GatewayOptions, 'database'>;
  /** Postgres: reuse this database (several gateways on one database). */
  databaseUrl?: string;
}

export async function startTestGateway(driver: DriverName, options: StartOptions = {}): Promise<TestGateway> {
  const queries: string[] = [];
  const logger = { logQuery: (query: string) => void queries.push(query) };
  let dropDatabase: (() => Promise<void>) | null = null;
  let handle: DatabaseHandle;
  let url = options.databaseUrl ?? null;
  if (driver === 'pglite') {
    handle = createDatabase({ logger });
  } else {
    if (url === null) {
      const created = await createPostgresDatabase();
      url = created.url;
      dropDatabase = created.drop;
    }
    handle = createDatabase({ databaseUrl: url, logger, pool: { max: 10 } });
  }
  await handle.migrate();
  const config = gatewayConfig(options.config);
  const gateway = await createGateway(config, { ...options.gateway, database: handle });
  const state = createStateService({
    db: handle.db,
    keyring: parseKeyring(config.credentialsKeys),
    bus: handle.bus,
  });
  const token: TestGateway['token'] = (caller, expiresIn) =>
    mintToken({ ...config.jwt, ...caller, ...(expiresIn === undefined ? {} : { expiresIn }) });

  return {
    gateway,
    config,
    handle,
    queries,
    state,
    url: gateway.url,
    wsUrl: gateway.url.replace(/^http/, 'ws'),
    databaseUrl: url,
    token,
    async graphql(query, { variables, token: given, caller, headers } = {}) {
      const bearer = given !== undefined ? given : caller === undefined ? null : await token(caller);
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(bearer === null ? {} : { authorization: `Bearer ${bearer}` }),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      const body = JSON.parse(text);
      // The client that starts an OAuth flow is the one that opens its authorization URL (test/oauth.ts).
      rememberStarter(body, bearer);
      return { status: response.status, headers: response.headers, body, text };
    },
    async organization(names, roles = {}) {
      const suffix = randomBytes(5).toString('hex');
      const organization = await createOrganization(handle.db, {
        name: `Org ${suffix}`,
        slug: `org-${suffix}`,
      });
      const users = {} as Record<(typeof names)[number], string>;
      for (const name of names as readonly (typeof names)[number][]) {
        const user = await createUser(handle.db, {
          organizationId: organization.id,
          name,
          email: `${name}-${suffix}@example.test`,
          role: roles[name] ?? 'MEMBER',
        });
        users[name] = user.id;
      }
      return { organizationId: organization.id, users, system: systemActor(organization.id) };
    },
    async close() {
      await gateway.stop();
      await handle.close();
      await dropDatabase?.();
    },
  };
}

/** One gateway per test file and driver, started before the suite and stopped after it. */
export function useTestGateway(driver: DriverName, options: StartOptions = {}): () => TestGateway {
  let started: TestGateway | undefined;
  beforeAll(async () => {
    started = await startTestGateway(driver, options);
  }, 60_000);
  afterAll(async () => {
    await started?.close();
  }, 60_000);
  return () => {
    if (started === undefined) throw new Error('The test gateway is not running yet');
    return started;
  };
}

/** A revoked Google grant, classified from the wire body Google's token endpoint sends. */
export const REVOKED_GRANT = classifyProviderError({
  provider: 'google-oauth',
  status: 400,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: '{\n  "error": "invalid_grant",\n  "error_description": "Token has been expired or revoked."\n}',
});

/** Zoom's token endpoint refusing a revoked refresh token. */
export const ZOOM_GRANT_REVOKED = classifyProviderError({
  provider: 'zoom',
  status: 400,
  headers: { 'content-type': 'application/json;charset=UTF-8' },
  body: '{"reason":"Invalid Token!","error":"invalid_grant"}',
});

export function value<T>(
  result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } },
): T {
  if (!result.ok) throw new Error(`Expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The codes of a response's errors, in order. */
export function codes(response: GraphQLResponse): unknown[] {
  return (response.body.errors ?? []).map((error) => error.extensions?.code);
}
