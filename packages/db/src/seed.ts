// Demo data: one organization whose booking pages exercise every rule of DESIGN §2, and a second one to
// show tenant isolation. Everything goes through the state service, so stored states, plans and the event
// log are real; connection errors are real wire bodies run through @tsunagi/errors. Each seeded failure is
// the one the embedded demo's emulators reproduce for that account (apps/gateway/src/demo/emulators.ts sets
// them up), so a probe finds what the seed says; demo.integration.test.ts holds the two together.
import { classifyProviderError, outcomeForCode, type ProviderFailureInput } from '@tsunagi/errors';
import { inArray } from 'drizzle-orm';
import type { Keyring } from './crypto.js';
import type { Database } from './database.js';
import { createUser } from './directory.js';
import type { EventBus } from './event-bus.js';
import { createExchangeSettingsStore } from './exchange-settings.js';
import type { ProviderErrorClassificationLike } from './hysteresis.js';
import { newId } from './ids.js';
import type { Result } from './result.js';
import { type ConnectionProvider, organizations, type UserRole, users } from './schema.js';
import {
  type Actor,
  type CreateBookingPageInput,
  createStateService,
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

  const ids = {} as Record<DemoPerson, string>;
  for (const [key, person] of Object.entries(DEMO_PEOPLE)) {
    ids[key as DemoPerson] = (await createUser(db, { organizationId: demo.id, ...person })).id;
  }
  for (const [key, person] of Object.entries(OTHER_PEOPLE)) {
    ids[key as DemoPerson] = (await createUser(db, { organizationId: other.id, ...person })).id;
  }

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

  const page = async (input: CreateBookingPageInput) =>
    unwrap(await service.createBookingPage(actor, input), input.title);
  const { aiko, marco, zofia, ben, priya, lucas } = ids;
  await page({ title: 'Intro call with Aiko', ownerId: aiko, locations: [{ type: 'ZOOM' }] });
  await page({
    title: "Marco's consultation",
    ownerId: marco,
    locations: [{ type: 'IN_PERSON', label: 'Milan office', value: 'Via Dante 12, 20121 Milano' }],
  });
  await page({ title: 'Teams sync with Zofia', ownerId: zofia, locations: [{ type: 'MICROSOFT_TEAMS' }] });
  await page({
    title: 'Interview panel',
    ownerId: aiko,
    memberIds: [aiko, marco, priya],
    mode: 'ALL_MEMBERS',
    locations: [{ type: 'GOOGLE_MEET' }],
  });
  await page({
    title: 'Sales demo',
    ownerId: aiko,
    memberIds: [aiko, marco, priya, ben, lucas],
    mode: 'ANY_MEMBER',
    roundRobin: true,
    locations: [{ type: 'ZOOM' }],
  });
  await page({
    title: 'Support escalation',
    ownerId: zofia,
    memberIds: [marco, ben, zofia],
    mode: 'ANY_MEMBER',
    roundRobin: true,
    locations: [{ type: 'ZOOM' }],
  });
  await page({
    title: 'Teams clinic',
    ownerId: zofia,
    memberIds: [zofia, ben],
    mode: 'ANY_MEMBER',
    locations: [{ type: 'MICROSOFT_TEAMS' }],
  });
  await page({ title: 'Room walkthrough', ownerId: ben, memberIds: [ben, marco], mode: 'ANY_MEMBER' });
  await page({ title: 'Quarterly review', ownerId: ben, enabled: false, locations: [{ type: 'ZOOM' }] });
  await page({
    title: 'Office hours with Priya',
    ownerId: priya,
    locations: [{ type: 'PHONE', value: '+81 3-1234-5678' }],
  });
  await page({ title: '1:1 with Lucas', ownerId: lucas, locations: [{ type: 'MICROSOFT_TEAMS' }] });

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
  unwrap(
    await service.createBookingPage(actor, { title: 'Globex product demo', ownerId: ids.hana }),
    'Globex demo',
  );
  unwrap(
    await service.createBookingPage(actor, {
      title: "Olek's office hours",
      ownerId: ids.olek,
      locations: [{ type: 'IN_PERSON', value: 'ul. Marszałkowska 10, Warszawa' }],
    }),
    "Olek's page",
  );
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
