// Demo data: one organization whose booking pages exercise every rule of DESIGN §2, and a second one to
// show tenant isolation. Everything goes through the state service — people and pages through directory sync,
// as the product would push them, with external ids — so stored states, plans and the event log are real; connection errors are real wire bodies run through @tsunagi/errors. Each seeded failure is
// the one the embedded demo's emulators reproduce for that account (apps/gateway/src/demo/emulators.ts sets
// them up), so a probe finds what the seed says; demo.integration.test.ts holds the two together.
import { classifyProviderError, outcomeForCode, type ProviderFailureInput } from '@tsunagi/errors';
import { inArray } from 'drizzle-orm';
import type { Keyring } from './crypto.js';
import type { Database } from './database.js';
import type { EventBus } from './event-bus.js';
import { createExchangeSettingsStore } from './exchange-settings.js';
import type { ProviderErrorClassificationLike } from './hysteresis.js';
import { newId } from './ids.js';
import type { Result } from './result.js';
import { type ConnectionProvider, organizations, type UserRole, users } from './schema.js';
import {
  type Actor,
  createStateService,
  type DirectoryPage,
  type DirectoryUser,
  type StateService,
  systemActor,
} from './service/state-service.js';

export const DEMO_ORGANIZATION_SLUG = 'acme-scheduling';
export const OTHER_ORGANIZATION_SLUG = 'globex';

const DEMO_PEOPLE = {
  aiko: { name: 'Aiko Tanaka', email: 'aiko@acme.example', role: 'ADMIN' },
  marco: { name: 'Marco Rossi', email: 'marco@acme.example', role: 'MEMBER' },
  zofia: { name: 'Zofia Nowak', email: 'zofia@acme.example', role: 'MEMBER' },
  ben: { name: 'Ben Carter', email: 'ben@acme.example', role: 'MEMBER' },
  priya: { name: 'Priya Shah', email: 'priya@acme.example', role: 'MEMBER' },
  lucas: { name: 'Lucas Martin', email: 'lucas@acme.example', role: 'MEMBER' },
} as const satisfies Record<string, { name: string; email: string; role: UserRole }>;

const OTHER_PEOPLE = {
  hana: { name: 'Hana Sato', email: 'hana@globex.example', role: 'ADMIN' },
  olek: { name: 'Olek Kowalski', email: 'olek@globex.example', role: 'MEMBER' },
} as const satisfies Record<string, { name: string; email: string; role: UserRole }>;

export type DemoPerson = keyof typeof DEMO_PEOPLE | keyof typeof OTHER_PEOPLE;

export interface DemoSeed {
  /** False when the demo organization already existed and nothing was written. */
  seeded: boolean;
  organizationId: string;
  otherOrganizationId: string;
  /** User ids by first name (`aiko` is the demo organization's admin, `hana` the other's). */
  users: Record<DemoPerson, string>;
}

export interface SeedDemoOptions {
  keyring: Keyring;
  bus?: EventBus;
  now?: () => Date;
}

/** Failures as the providers send them. */
const FAILURES = {
  googleGrantRevoked: {
    provider: 'google-oauth',
    status: 400,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: '{\n  "error": "invalid_grant",\n  "error_description": "Token has been expired or revoked."\n}',
  },
  // Zoom's token endpoint refusing the refresh token of a grant the user removed
  // (https://developers.zoom.us/docs/integrations/oauth-error-messages/).
  zoomGrantRevoked: {
    provider: 'zoom',
    status: 400,
    headers: { 'content-type': 'application/json;charset=UTF-8' },
    body: '{"reason":"Invalid Token!","error":"invalid_grant"}',
    endpoint: 'https://zoom.us/oauth/token',
  },
  teamsScopeMissing: {
    provider: 'microsoft',
    status: 403,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      error: {
        code: 'Forbidden',
        message:
          "Missing scope permissions on the request. API requires one of 'OnlineMeetings.ReadWrite'. Scopes on the request 'Calendars.ReadWrite,User.Read'",
        innerError: {
          date: '2025-01-06T08:12:44',
          'request-id': '3b8c5e1a-6f0e-4f7e-9d43-1f8a2c9b7e10',
          'client-request-id': '3b8c5e1a-6f0e-4f7e-9d43-1f8a2c9b7e10',
        },
      },
    }),
  },
  exchangeCertificate: {
    provider: 'google-interop',
    body: 'SSL error: the certificate for mail.acme.example has expired',
    endpoint: 'https://mail.acme.example/EWS/Exchange.asmx',
  },
  exchangeMailboxGone: {
    provider: 'google-interop',
    body: 'Invalid participant: no mailbox or user was found for olek.archive@globex.example',
    endpoint: 'https://mail.globex.example/EWS/Exchange.asmx',
  },
  zoomUnavailable: {
    provider: 'zoom',
    status: 503,
    headers: { 'content-type': 'text/html' },
    body: '<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center></body></html>',
  },
  // Entra's token endpoint after the user reset their password: AADSTS50173, "FreshTokenNeeded"
  // (https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes).
  microsoftGrantRevoked: {
    provider: 'microsoft-identity',
    status: 400,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({
      error: 'invalid_grant',
      error_description:
        'AADSTS50173: The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. Trace ID: 0b4f8a1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b Correlation ID: 7e6d5c4b-3a29-4817-9605-f4e3d2c1b0a9 Timestamp: 2025-01-06 08:10:11Z',
      error_codes: [50173],
      timestamp: '2025-01-06 08:10:11Z',
      trace_id: '0b4f8a1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b',
      correlation_id: '7e6d5c4b-3a29-4817-9605-f4e3d2c1b0a9',
      error_uri: 'https://login.microsoftonline.com/error?code=50173',
    }),
  },
} satisfies Record<string, ProviderFailureInput>;

/**
 * The meeting room's calendar was shared read-only (calendar.readonly, not calendar.events): free/busy works,
 * bookings cannot be written to it. What the gateway's probe records for a grant that works but lacks a scope.
 */
const ROOM_READ_ONLY_AT_RISK: ProviderErrorClassificationLike = {
  code: 'INSUFFICIENT_SCOPE',
  ...outcomeForCode('INSUFFICIENT_SCOPE'),
  connectionBroken: false,
  providerReason: 'missing_scopes',
  message: 'The grant lacks https://www.googleapis.com/auth/calendar.events',
};

function unwrap<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`Demo seed: ${what} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/**
 * The demo's organization slugs are taken by something that is not a complete demo (an operator's own
 * organization, or a seed that stopped half way): seeding would mix into it, so nothing is written.
 */
export class DemoSeedConflictError extends Error {
  override readonly name = 'DemoSeedConflictError';
}

/**
 * Creates the demo data once; later calls find the demo organization and write nothing. Throws
 * DemoSeedConflictError when the demo's slugs are held by anything but a complete demo.
 */
export async function seedDemo(db: Database, options: SeedDemoOptions): Promise<DemoSeed> {
  const now = options.now ?? (() => new Date());
  const service = createStateService({
    db,
    keyring: options.keyring,
    now,
    ...(options.bus ? { bus: options.bus } : {}),
  });

  // Looked up first: the insert below claims each slug on its own, and must not claim one of the two.
  const taken = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(inArray(organizations.slug, [DEMO_ORGANIZATION_SLUG, OTHER_ORGANIZATION_SLUG]));
  if (taken.length > 0) return existingSeed(db);

  const claimed = await db
    .insert(organizations)
    .values([
      { id: newId('org'), name: 'Acme Scheduling', slug: DEMO_ORGANIZATION_SLUG },
      { id: newId('org'), name: 'Globex Bookings', slug: OTHER_ORGANIZATION_SLUG },
    ])
    .onConflictDoNothing()
    .returning();
  const demo = claimed.find((org) => org.slug === DEMO_ORGANIZATION_SLUG);
  const other = claimed.find((org) => org.slug === OTHER_ORGANIZATION_SLUG);
  if (demo === undefined || other === undefined) return existingSeed(db);

  const ids = {
    ...(await syncPeople(service, systemActor(demo.id), 'acme', DEMO_PEOPLE)),
    ...(await syncPeople(service, systemActor(other.id), 'globex', OTHER_PEOPLE)),
  } as Record<DemoPerson, string>;

  await seedAcme(service, systemActor(demo.id), ids, now);
  await seedGlobex(service, systemActor(other.id), ids, now);
  // Calendar Interop settings of both organizations (untested; the embedded demo points them at its EWS
  // emulators and tests them on start).
  const interop = createExchangeSettingsStore(db, options.keyring, { now });
  for (const [org, domain] of [
    [demo.id, 'acme.example'],
    [other.id, 'globex.example'],
  ] as const) {
    await interop.upsert(org, {
      ewsUrl: `https://mail.${domain}/EWS/Exchange.asmx`,
      roleAccount: `interop-role@${domain}`,
      secret: `demo-interop-password-${domain}`,
    });
  }
  return { seeded: true, organizationId: demo.id, otherOrganizationId: other.id, users: ids };
}

async function seedAcme(
  service: StateService,
  actor: Actor,
  ids: Record<DemoPerson, string>,
  now: () => Date,
) {
  const link = linker(service, actor, ids);
  const aikoGoogle = await link('aiko', 'GOOGLE_CALENDAR', 'aiko@acme.example');
  await link('aiko', 'ZOOM', 'aiko@acme.example');
  const marcoGoogle = await link('marco', 'GOOGLE_CALENDAR', 'marco@acme.example');
  await link('marco', 'ZOOM', 'marco@acme.example');
  await link('zofia', 'MICROSOFT_CALENDAR', 'zofia@acme.example');
  const zofiaTeams = await link('zofia', 'MICROSOFT_TEAMS', 'zofia@acme.example');
  const benExchange = await link('ben', 'EXCHANGE', 'ben@acme.example');
  const benZoom = await link('ben', 'ZOOM', 'ben@acme.example');
  await link('priya', 'GOOGLE_CALENDAR', 'priya@acme.example');
  // A second Google account: a meeting-room resource calendar Priya manages.
  const roomTokyo = await link('priya', 'GOOGLE_CALENDAR', 'room-tokyo@resource.acme.example');
  const priyaZoom = await link('priya', 'ZOOM', 'priya@acme.example');
  const lucasMicrosoft = await link('lucas', 'MICROSOFT_CALENDAR', 'lucas@acme.example');
  await link('lucas', 'MICROSOFT_TEAMS', 'lucas@acme.example');

  // The whole directory, as the product would send it: everyone, and every page by its owner and members.
  await syncDirectory(service, actor, 'acme', DEMO_PEOPLE, [
    {
      externalId: 'page-intro-aiko',
      title: 'Intro call with Aiko',
      ownerExternalId: 'acme-aiko',
      locations: [{ type: 'ZOOM' }],
    },
    {
      externalId: 'page-marco-consultation',
      title: "Marco's consultation",
      ownerExternalId: 'acme-marco',
      locations: [{ type: 'IN_PERSON', label: 'Milan office', value: 'Via Dante 12, 20121 Milano' }],
    },
    {
      externalId: 'page-teams-zofia',
      title: 'Teams sync with Zofia',
      ownerExternalId: 'acme-zofia',
      locations: [{ type: 'MICROSOFT_TEAMS' }],
    },
    {
      externalId: 'page-interview-panel',
      title: 'Interview panel',
      ownerExternalId: 'acme-aiko',
      memberExternalIds: ['acme-aiko', 'acme-marco', 'acme-priya'],
      mode: 'ALL_MEMBERS',
      locations: [{ type: 'GOOGLE_MEET' }],
    },
    {
      externalId: 'page-sales-demo',
      title: 'Sales demo',
      ownerExternalId: 'acme-aiko',
      memberExternalIds: ['acme-aiko', 'acme-marco', 'acme-priya', 'acme-ben', 'acme-lucas'],
      mode: 'ANY_MEMBER',
      roundRobin: true,
      locations: [{ type: 'ZOOM' }],
    },
    {
      externalId: 'page-support-escalation',
      title: 'Support escalation',
      ownerExternalId: 'acme-zofia',
      memberExternalIds: ['acme-marco', 'acme-ben', 'acme-zofia'],
      mode: 'ANY_MEMBER',
      roundRobin: true,
      locations: [{ type: 'ZOOM' }],
    },
    {
      externalId: 'page-teams-clinic',
      title: 'Teams clinic',
      ownerExternalId: 'acme-zofia',
      memberExternalIds: ['acme-zofia', 'acme-ben'],
      mode: 'ANY_MEMBER',
      locations: [{ type: 'MICROSOFT_TEAMS' }],
    },
    {
      externalId: 'page-room-walkthrough',
      title: 'Room walkthrough',
      ownerExternalId: 'acme-ben',
      memberExternalIds: ['acme-ben', 'acme-marco'],
      mode: 'ANY_MEMBER',
    },
    {
      externalId: 'page-quarterly-review',
      title: 'Quarterly review',
      ownerExternalId: 'acme-ben',
      enabled: false,
      locations: [{ type: 'ZOOM' }],
    },
    {
      externalId: 'page-office-hours-priya',
      title: 'Office hours with Priya',
      ownerExternalId: 'acme-priya',
      locations: [{ type: 'PHONE', value: '+81 3-1234-5678' }],
    },
    {
      externalId: 'page-lucas-1-1',
      title: '1:1 with Lucas',
      ownerExternalId: 'acme-lucas',
      locations: [{ type: 'MICROSOFT_TEAMS' }],
    },
  ]);

  // Now things break, in the transactions that disable the pages.
  const at = now();
  const broken = async (connectionId: string, failure: ProviderFailureInput) =>
    unwrap(
      await service.markConnectionError(actor, connectionId, classifyProviderError(failure, { now: at })),
      `error on ${connectionId}`,
    );
  await broken(marcoGoogle, FAILURES.googleGrantRevoked);
  await broken(zofiaTeams, FAILURES.teamsScopeMissing);
  await broken(benExchange, FAILURES.exchangeCertificate);
  await broken(benZoom, FAILURES.zoomGrantRevoked);
  unwrap(
    await service.recordProbeResult(actor, priyaZoom, {
      ok: false,
      classification: classifyProviderError(FAILURES.zoomUnavailable, { now: at }),
    }),
    'degraded probe',
  );
  unwrap(
    await service.recordProbeResult(actor, roomTokyo, { ok: true, atRisk: ROOM_READ_ONLY_AT_RISK }),
    'at-risk probe',
  );
  unwrap(await service.recordProbeResult(actor, lucasMicrosoft, { ok: true }), 'healthy Microsoft probe');
  unwrap(await service.recordProbeResult(actor, aikoGoogle, { ok: true }), 'healthy probe');
}

async function seedGlobex(
  service: StateService,
  actor: Actor,
  ids: Record<DemoPerson, string>,
  now: () => Date,
) {
  const link = linker(service, actor, ids);
  await link('hana', 'GOOGLE_CALENDAR', 'hana@globex.example');
  const hanaExchange = await link('hana', 'EXCHANGE', 'hana@globex.example');
  const olekMicrosoft = await link('olek', 'MICROSOFT_CALENDAR', 'olek@globex.example');
  // A shared mailbox that was deleted from Exchange: Interop's "Invalid participant".
  const olekArchive = await link('olek', 'EXCHANGE', 'olek.archive@globex.example');
  await syncDirectory(service, actor, 'globex', OTHER_PEOPLE, [
    { externalId: 'page-globex-demo', title: 'Globex product demo', ownerExternalId: 'globex-hana' },
    {
      externalId: 'page-olek-office-hours',
      title: "Olek's office hours",
      ownerExternalId: 'globex-olek',
      locations: [{ type: 'IN_PERSON', value: 'ul. Marszałkowska 10, Warszawa' }],
    },
  ]);
  unwrap(
    await service.markConnectionError(
      actor,
      olekMicrosoft,
      classifyProviderError(FAILURES.microsoftGrantRevoked, { now: now() }),
    ),
    'Olek error',
  );
  unwrap(
    await service.markConnectionError(
      actor,
      olekArchive,
      classifyProviderError(FAILURES.exchangeMailboxGone, { now: now() }),
    ),
    'Olek archive error',
  );
  unwrap(await service.recordProbeResult(actor, hanaExchange, { ok: true }), 'Hana Exchange probe');
}

type People = Record<string, { name: string; email: string; role: UserRole }>;

const directoryUsers = (prefix: string, people: People): DirectoryUser[] =>
  Object.entries(people).map(([key, person]) => ({ externalId: `${prefix}-${key}`, ...person }));

/** The organization's people, created through directory sync; their ids by first name. */
async function syncPeople(service: StateService, actor: Actor, prefix: string, people: People) {
  const synced = unwrap(
    await service.syncDirectory(actor, { mode: 'UPSERT', users: directoryUsers(prefix, people) }),
    `${prefix} people`,
  );
  if (synced.errors.length > 0) throw new Error(`Demo seed: ${JSON.stringify(synced.errors)}`);
  return Object.fromEntries(synced.users.map((row) => [row.externalId.slice(prefix.length + 1), row.id]));
}

/** The complete directory of an organization (FULL: its people again, unchanged, and every page). */
async function syncDirectory(
  service: StateService,
  actor: Actor,
  prefix: string,
  people: People,
  pages: DirectoryPage[],
) {
  const synced = unwrap(
    await service.syncDirectory(actor, { mode: 'FULL', users: directoryUsers(prefix, people), pages }),
    `${prefix} directory`,
  );
  if (synced.errors.length > 0) throw new Error(`Demo seed: ${JSON.stringify(synced.errors)}`);
}

function linker(service: StateService, actor: Actor, ids: Record<DemoPerson, string>) {
  return async (person: DemoPerson, provider: ConnectionProvider, account: string): Promise<string> => {
    // Exchange mailboxes are read with the organization's Interop settings: no tokens of their own.
    const credentials =
      provider === 'EXCHANGE'
        ? {}
        : {
            credentials: {
              accessToken: `demo-access-${provider.toLowerCase()}-${person}`,
              refreshToken: `demo-refresh-${provider.toLowerCase()}-${person}`,
              expiresAt: null,
              scopes: [],
            },
          };
    const result = await service.createConnection(actor, {
      userId: ids[person],
      provider,
      accountExternalId: `${provider.toLowerCase()}:${account}`,
      accountEmail: account,
      ...credentials,
    });
    return unwrap(result, `link ${person} ${provider}`).connection.id;
  };
}

async function existingSeed(db: Database): Promise<DemoSeed> {
  const orgs = await db
    .select()
    .from(organizations)
    .where(inArray(organizations.slug, [DEMO_ORGANIZATION_SLUG, OTHER_ORGANIZATION_SLUG]));
  const demo = orgs.find((org) => org.slug === DEMO_ORGANIZATION_SLUG);
  const other = orgs.find((org) => org.slug === OTHER_ORGANIZATION_SLUG);
  if (demo === undefined || other === undefined) {
    throw new DemoSeedConflictError(
      `Only one of the demo organizations (${DEMO_ORGANIZATION_SLUG}, ${OTHER_ORGANIZATION_SLUG}) exists: seed another database`,
    );
  }
  const ids = {} as Record<DemoPerson, string>;
  const people = { ...DEMO_PEOPLE, ...OTHER_PEOPLE };
  const rows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.organizationId, [demo.id, other.id]));
  for (const [key, person] of Object.entries(people)) {
    const row = rows.find((r) => r.email === person.email);
    if (row === undefined) {
      throw new DemoSeedConflictError(
        `The organizations ${DEMO_ORGANIZATION_SLUG} and ${OTHER_ORGANIZATION_SLUG} exist but are not the complete demo (${person.email} is missing): seed another database`,
      );
    }
    ids[key as DemoPerson] = row.id;
  }
  return { seeded: false, organizationId: demo.id, otherOrganizationId: other.id, users: ids };
}
