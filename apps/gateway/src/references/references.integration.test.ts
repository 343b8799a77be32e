// Every argument that names a user or a booking page, called through a real gateway on both drivers with our
// id and with `ext:<external id>`: the same answer. An unknown external id, another organization's, and our
// id of nothing answer alike; `ext:` with nothing after it is BAD_USER_INPUT and changes nothing.
import { latestEventId, setBookingPageExternalId, setUserExternalId } from '@tsunagi/db';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loopbackOnly } from '../../test/exchange.js';
import {
  codes,
  describeEachDriver,
  type GraphQLResponse,
  type TestGateway,
  useTestGateway,
} from '../../test/harness.js';
import { PAGE_FIELDS, World } from '../../test/world.js';
import { subscribe, wsClient } from '../../test/ws.js';
import { createEmulatedProviderRegistry } from '../providers/adapters.js';
import { externalIdArguments, type IdArgumentKind } from './id-arguments.js';

/** What a call answered, without what legitimately differs between two calls (new ids, timestamps). */
interface Answer {
  readonly codes: unknown[];
  /** Error messages: the same for two references to one thing; they may quote an unknown reference. */
  readonly messages: unknown[];
  readonly data: unknown;
}

interface ArgumentCase {
  /** Calls the operation once per reference, the argument under test set to it, every other one fixed. */
  answers(refs: readonly string[]): Promise<Answer[]>;
  /** What a call that names what the case names answers: no error, unless the case says otherwise. */
  readonly named: Expected;
}

interface Expected {
  readonly codes: unknown[];
  /** The error message, when it shows what the argument resolved to. */
  readonly message?: RegExp;
}

type Names = 'ada' | 'bo' | 'cy';
interface PageAnswer {
  id: string;
  owner: { id: string };
  members: { id: string }[];
  locations: { id: string; type: string; label: string | null }[];
}

/** What the cases name, by our ids; their external ids are emp-<name>, page-p and page-h. */
interface Fixture {
  t: TestGateway;
  w: World<Names>;
  /** Booking page owned by bo, with bo and cy as members. */
  page: string;
  /** Booking page of cy alone: bo cannot see it. */
  hidden: string;
  boCalendar: string;
}

const UNKNOWN_OURS: Readonly<Record<'user' | 'page', string>> = {
  user: `usr_${'0'.repeat(32)}`,
  page: `pg_${'0'.repeat(32)}`,
};

const external: Readonly<Record<'user' | 'page', string>> = { user: 'ext:emp-bo', page: 'ext:page-p' };
/** What each kind's case names in the organization: bo, and the page. */
const ours = (f: Fixture, kind: 'user' | 'page') => (kind === 'user' ? f.w.users.bo : f.page);

function http<T>(
  f: () => Fixture,
  query: string,
  variables: (ref: string, f: Fixture) => Promise<Record<string, unknown>> | Record<string, unknown>,
  project: (data: T) => unknown,
  named: Expected = { codes: [] },
): ArgumentCase {
  return {
    named,
    async answers(refs) {
      const answered: Answer[] = [];
      for (const ref of refs) {
        const response = await f().w.request('ada', query, await variables(ref, f()));
        answered.push(answerOf(response, project));
      }
      return answered;
    },
  };
}

function answerOf<T>(response: GraphQLResponse, project: (data: T) => unknown): Answer {
  const errors = response.body.errors ?? [];
  return {
    codes: codes(response),
    messages: errors.map((error) => error.message),
    data: errors.length > 0 ? (response.body.data ?? null) : project(response.body.data as T),
  };
}

const withoutMessages = ({ codes, data }: Answer | undefined = { codes: [], messages: [], data: null }) => ({
  codes,
  data,
});

const ENABLE =
  'mutation M($page: ID!, $enabled: Boolean!) { setBookingPageEnabled(pageId: $page, enabled: $enabled) { id } }';
const PAGE = 'id externalId title owner { id } members { id } enabled locations { id type label }';
const pageOf = (page: PageAnswer) => ({
  id: page.id,
  owner: page.owner.id,
  members: page.members.map((member) => member.id).sort(),
});

async function activeSubscriptions(t: TestGateway, field: string): Promise<number> {
  const { values } = await t.gateway.metrics.subscriptionsActive.get();
  return values.find((value) => value.labels.subscription === field)?.value ?? 0;
}

/** Subscribes once per reference at the same time, makes one change, and reads what each heard. */
function subscription<T>(
  f: () => Fixture,
  field: string,
  query: string,
  change: (f: Fixture) => Promise<void>,
  restore: (f: Fixture) => Promise<void>,
  project: (data: T) => unknown,
): ArgumentCase {
  return {
    named: { codes: [] },
    async answers(refs) {
      const { t, w } = f();
      const client = wsClient(t.wsUrl, await t.token(w.caller('ada')));
      const subscriptions = refs.map((ref) => subscribe<T>(client, query, { ref }));
      try {
        // Each either failed at once or streams: only then does a change reach every live one.
        await vi.waitFor(
          async () => {
            const failed = subscriptions.filter((s) => s.errors.length > 0).length;
            const live = await activeSubscriptions(t, field);
            if (failed + live < refs.length)
              throw new Error(`${failed} failed, ${live} live of ${refs.length}`);
          },
          { timeout: 10_000, interval: 10 },
        );
        const live = subscriptions.filter((s) => s.errors.length === 0);
        if (live.length > 0) {
          await change(f());
          await Promise.all(live.map((s) => s.waitFor(1)));
          await restore(f());
        }
        return subscriptions.map((s) => {
          const errors = s.errors as { message?: unknown; extensions?: { code?: unknown } }[];
          return {
            codes: errors.map((error) => error.extensions?.code),
            messages: errors.map((error) => error.message),
            data: errors.length > 0 ? null : project(s.received[0] as T),
          };
        });
      } finally {
        await Promise.all(subscriptions.map((s) => s.dispose()));
        await client.dispose();
        await vi.waitFor(
          async () => {
            if ((await activeSubscriptions(t, field)) > 0) throw new Error(`${field} still streams`);
          },
          { timeout: 10_000, interval: 10 },
        );
      }
    },
  };
}

/** One case per argument that takes `ext:`; the coverage test below keeps this list equal to the table. */
function argumentCases(f: () => Fixture): Record<string, ArgumentCase> {
  let created = 0;
  const addLocation = async (page: string, label: string): Promise<string> => {
    const data = await f().w.run<{ addLocation: PageAnswer }>(
      'ada',
      'mutation A($page: ID!, $label: String) { addLocation(pageId: $page, location: { type: IN_PERSON, label: $label, value: "Room 1" }) { locations { id label } } }',
      { page, label },
    );
    const added = data.addLocation.locations.find((location) => location.label === label);
    if (added === undefined) throw new Error('The location was not added');
    return added.id;
  };
  return {
    'Query.bookingPage.id': http(
      f,
      `query Q($ref: ID!) { bookingPage(id: $ref) { ${PAGE} } }`,
      (ref) => ({ ref }),
      (data: { bookingPage: PageAnswer }) => data.bookingPage,
    ),
    'Query.integrations.userId': http(
      f,
      'query Q($ref: ID) { integrations(userId: $ref) { provider status accounts { id user { id } } } }',
      (ref) => ({ ref }),
      (data: { integrations: unknown }) => data.integrations,
    ),
    'ConnectionFilter.userId': http(
      f,
      'query Q($ref: ID) { connections(filter: { userId: $ref }) { totalCount edges { node { id user { id } } } } }',
      (ref) => ({ ref }),
      (data: { connections: unknown }) => data.connections,
    ),
    'Mutation.connectExchangeCalendar.userId': http(
      f,
      // No Interop settings are stored: the refusal names the mailbox of the user the argument resolved to.
      'mutation M($ref: ID) { connectExchangeCalendar(userId: $ref) { id } }',
      (ref) => ({ ref }),
      (data: unknown) => data,
      {
        codes: ['PROVIDER_ERROR'],
        message: /^Exchange could not read the calendar of bo-[0-9a-f]+@example\.test/,
      },
    ),
    'Mutation.createApiKey.userId': http(
      f,
      'mutation M($ref: ID) { createApiKey(name: "sync", role: MEMBER, userId: $ref) { apiKey { name role userId } } }',
      (ref) => ({ ref }),
      (data: { createApiKey: { apiKey: unknown } }) => data.createApiKey.apiKey,
    ),
    'Query.notificationSettings.userId': http(
      f,
      'query Q($ref: ID) { notificationSettings(userId: $ref) { userId emailEnabled } }',
      (ref) => ({ ref }),
      (data: { notificationSettings: unknown }) => data.notificationSettings,
    ),
    'Query.notifications.userId': http(
      f,
      'query Q($ref: ID) { notifications(userId: $ref) { kind status } }',
      (ref) => ({ ref }),
      (data: { notifications: unknown }) => data.notifications,
    ),
    'Mutation.updateNotificationSettings.userId': http(
      f,
      'mutation M($ref: ID) { updateNotificationSettings(userId: $ref, input: { emailEnabled: true }) { userId emailEnabled } }',
      (ref) => ({ ref }),
      (data: { updateNotificationSettings: unknown }) => data.updateNotificationSettings,
    ),
    'CreateBookingPageInput.ownerId': http(
      f,
      `mutation M($input: CreateBookingPageInput!) { createBookingPage(input: $input) { ${PAGE} } }`,
      (ref) => ({ input: { title: `Owned ${++created}`, ownerId: ref } }),
      (data: { createBookingPage: PageAnswer }) => ({ ...pageOf(data.createBookingPage), id: undefined }),
    ),
    'CreateBookingPageInput.memberIds': http(
      f,
      `mutation M($input: CreateBookingPageInput!) { createBookingPage(input: $input) { ${PAGE} } }`,
      (ref, { w }) => ({ input: { title: `Shared ${++created}`, memberIds: [w.users.cy, ref] } }),
      (data: { createBookingPage: PageAnswer }) => ({ ...pageOf(data.createBookingPage), id: undefined }),
    ),
    'Mutation.updateBookingPage.id': http(
      f,
      `mutation M($ref: ID!) { updateBookingPage(id: $ref, input: { title: "Team sync" }) { ${PAGE} } }`,
      (ref) => ({ ref }),
      (data: { updateBookingPage: PageAnswer }) => data.updateBookingPage,
    ),
    'UpdateBookingPageInput.memberIds': http(
      f,
      `mutation M($page: ID!, $ref: ID!) { updateBookingPage(id: $page, input: { memberIds: [$ref] }) { ${PAGE} } }`,
      (ref, { page }) => ({ page, ref }),
      (data: { updateBookingPage: PageAnswer }) => pageOf(data.updateBookingPage),
    ),
    'Mutation.addLocation.pageId': http(
      f,
      'mutation M($ref: ID!) { addLocation(pageId: $ref, location: { type: PHONE, label: "Hotline", value: "+81 3 1234 5678" }) { id locations { type label } } }',
      (ref) => ({ ref }),
      // A second call adds a second phone: the page and what kinds of location it has are the same.
      (data: { addLocation: PageAnswer }) => ({
        id: data.addLocation.id,
        kinds: [...new Set(data.addLocation.locations.map((l) => `${l.type}:${l.label}`))].sort(),
      }),
    ),
    'Mutation.removeLocation.pageId': http(
      f,
      'mutation M($ref: ID!, $location: ID!) { removeLocation(pageId: $ref, locationId: $location) { id locations { id } } }',
      async (ref, { page }) => ({ ref, location: await addLocation(page, 'Temporary') }),
      (data: { removeLocation: PageAnswer }) => ({
        id: data.removeLocation.id,
        temporary: data.removeLocation.locations.length,
      }),
    ),
    'Mutation.removeAllLocations.pageId': http(
      f,
      'mutation M($ref: ID!) { removeAllLocations(pageId: $ref) { id locations { id } } }',
      (ref) => ({ ref }),
      (data: { removeAllLocations: unknown }) => data.removeAllLocations,
    ),
    'Mutation.setBookingPageEnabled.pageId': http(
      f,
      'mutation M($ref: ID!) { setBookingPageEnabled(pageId: $ref, enabled: true) { id enabled state } }',
      (ref) => ({ ref }),
      (data: { setBookingPageEnabled: unknown }) => data.setBookingPageEnabled,
    ),
    'Mutation.changeOwner.pageId': http(
      f,
      `mutation M($ref: ID!, $owner: ID!) { changeOwner(pageId: $ref, userId: $owner) { ${PAGE} } }`,
      (ref, { w }) => ({ ref, owner: w.users.bo }),
      (data: { changeOwner: PageAnswer }) => pageOf(data.changeOwner),
    ),
    'ConnectionImpactInput.userId': http(
      f,
      'query Q($ref: ID) { connectionImpact(input: { userId: $ref, status: ERROR }) { connections { id user { id } } pages { bookingPage { id } effect } } }',
      (ref) => ({ ref }),
      (data: { connectionImpact: unknown }) => data.connectionImpact,
    ),
    'PlannedPageChangeInput.pageId': http(
      f,
      // Earlier cases change the page's members; a new owner is a change it always takes.
      'query Q($ref: ID!, $user: ID) { plannedChangeImpact(input: { kind: CHANGE_OWNER, pageId: $ref, userId: $user }) { pages { bookingPage { id } effect hostsBefore hostsAfter } } }',
      (ref, { w }) => ({ ref, user: w.users.ada }),
      (data: { plannedChangeImpact: unknown }) => data.plannedChangeImpact,
    ),
    'PlannedPageChangeInput.userId': http(
      f,
      'query Q($page: ID!, $ref: ID) { plannedChangeImpact(input: { kind: CHANGE_OWNER, pageId: $page, userId: $ref }) { pages { bookingPage { id } effect stateAfter } } }',
      (ref, { page }) => ({ page, ref }),
      (data: { plannedChangeImpact: unknown }) => data.plannedChangeImpact,
    ),
    'Mutation.changeOwner.userId': http(
      f,
      `mutation M($page: ID!, $ref: ID!) { changeOwner(pageId: $page, userId: $ref) { ${PAGE} } }`,
      (ref, { page }) => ({ page, ref }),
      (data: { changeOwner: PageAnswer }) => pageOf(data.changeOwner),
    ),
    'Subscription.connectionStatusChanged.userId': subscription(
      f,
      'connectionStatusChanged',
      'subscription S($ref: ID) { connectionStatusChanged(userId: $ref) { connection { id user { id } } previousStatus status } }',
      ({ w, boCalendar }) => w.fail(boCalendar),
      ({ w, boCalendar }) => w.reconnect(boCalendar),
      (data: { connectionStatusChanged: unknown }) => data.connectionStatusChanged,
    ),
    'Subscription.bookingPageStateChanged.pageId': subscription(
      f,
      'bookingPageStateChanged',
      'subscription S($ref: ID) { bookingPageStateChanged(pageId: $ref) { page { id } previousState state } }',
      async ({ w, page }) => {
        await w.run('ada', ENABLE, { page, enabled: false });
      },
      async ({ w, page }) => {
        await w.run('ada', ENABLE, { page, enabled: true });
      },
      (data: { bookingPageStateChanged: unknown }) => data.bookingPageStateChanged,
    ),
  };
}

describeEachDriver('ext: references (%s)', (driver) => {
  // Exchange is reachable in principle (loopback only) but no organization stores Interop settings.
  const t = useTestGateway(driver, {
    gateway: {
      exchange: { trustedCa: [], resolveHost: loopbackOnly, timeoutMs: 5_000 },
      providers: createEmulatedProviderRegistry({}),
    },
  });
  let fixture: Fixture | undefined;
  const f = (): Fixture => {
    if (fixture === undefined) throw new Error('The fixture is not ready');
    return fixture;
  };
  const cases = argumentCases(f);

  beforeAll(async () => {
    const w = await World.create(t(), ['ada', 'bo', 'cy'] as const, { ada: 'ADMIN' });
    const db = t().handle.db;
    for (const name of ['ada', 'bo', 'cy'] as const) {
      await setUserExternalId(db, {
        organizationId: w.organizationId,
        userId: w.users[name],
        externalId: `emp-${name}`,
      });
    }
    const boCalendar = await w.link('bo', 'GOOGLE_CALENDAR');
    const page = await w.createPage('ada', {
      title: 'Intro call',
      ownerId: w.users.bo,
      memberIds: [w.users.bo, w.users.cy],
    });
    const hidden = await w.createPage('ada', { title: 'Private', ownerId: w.users.cy });
    await setBookingPageExternalId(db, {
      organizationId: w.organizationId,
      pageId: page.id,
      externalId: 'page-p',
    });
    await setBookingPageExternalId(db, {
      organizationId: w.organizationId,
      pageId: hidden.id,
      externalId: 'page-h',
    });

    // Another organization, with external ids of its own and the same ones ours use.
    const other = await World.create(t(), ['zed', 'bob'] as const, { zed: 'ADMIN' });
    for (const [name, externalId] of [
      ['zed', 'emp-zed'],
      ['bob', 'emp-bo'],
    ] as const) {
      await setUserExternalId(db, {
        organizationId: other.organizationId,
        userId: other.users[name],
        externalId,
      });
    }
    for (const externalId of ['page-p', 'page-q']) {
      const theirs = await other.createPage('zed', { title: `Theirs ${externalId}` });
      await setBookingPageExternalId(db, {
        organizationId: other.organizationId,
        pageId: theirs.id,
        externalId,
      });
    }
    fixture = { t: t(), w, page: page.id, hidden: hidden.id, boCalendar };
  }, 60_000);

  it('has a case for every argument that takes ext: (references/id-arguments.ts)', () => {
    expect(Object.keys(cases).sort()).toEqual(
      externalIdArguments()
        .map(([argument]) => argument)
        .sort(),
    );
  });

  describe.each(externalIdArguments())('%s (%s)', (argument, kind: IdArgumentKind) => {
    const refKind = kind as 'user' | 'page';
    const { answers, named } = cases[argument] as ArgumentCase;

    it('answers ext:<external id> as it answers our id', async () => {
      const [byId, byExternalId] = await answers([ours(f(), refKind), external[refKind]]);
      expect(byId?.codes).toEqual(named.codes);
      if (named.message !== undefined) expect(byId?.messages[0]).toMatch(named.message);
      expect(byExternalId).toEqual(byId);
    });

    it('answers an unknown external id, and another organization’s, as an unknown id', async () => {
      const theirs = refKind === 'user' ? 'ext:emp-zed' : 'ext:page-q';
      const [unknownId, unknownExternal, otherOrganization] = await answers([
        UNKNOWN_OURS[refKind],
        `ext:nobody-${refKind}`,
        theirs,
      ]);
      expect(unknownId?.codes).toEqual(['NOT_FOUND']);
      expect(withoutMessages(unknownExternal)).toEqual(withoutMessages(unknownId));
      expect(withoutMessages(otherOrganization)).toEqual(withoutMessages(unknownId));
      // Nothing of the other organization shows: the messages quote only what the caller sent.
      expect(JSON.stringify([unknownExternal, otherOrganization])).not.toMatch(/usr_|pg_/);
    });

    it('refuses ext: with nothing after it as BAD_USER_INPUT', async () => {
      const [empty] = await answers(['ext:']);
      expect(empty?.codes).toEqual(['BAD_USER_INPUT']);
    });
  });

  it('changes nothing when a reference is malformed', async () => {
    const { w, page } = f();
    const before = {
      page: await w.page('ada', page),
      event: await latestEventId(t().handle.db, w.organizationId),
    };
    const refused = [
      ['mutation { changeOwner(pageId: "ext:", userId: "ext:emp-cy") { id } }', 'pageId'],
      [`mutation { changeOwner(pageId: "ext:page-p", userId: "ext:${'x'.repeat(257)}") { id } }`, 'userId'],
      [
        'mutation { updateBookingPage(id: "ext:page-p", input: { memberIds: ["ext:emp-cy", "ext:emp\\u001b"] }) { id } }',
        'memberIds',
      ],
      [
        'mutation { createBookingPage(input: { title: "Bad", ownerId: "ext:emp-cy", memberIds: ["ext:"] }) { id } }',
        'memberIds',
      ],
      ['mutation { createBookingPage(input: { title: "Bad", ownerId: "usr:1" }) { id } }', 'ownerId'],
    ] as const;
    for (const [mutation, field] of refused) {
      const response = await w.request('ada', mutation);
      expect(response.status).toBeLessThan(500);
      expect(codes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.body.errors?.[0]?.extensions?.field, response.text).toBe(field);
    }
    expect(await latestEventId(t().handle.db, w.organizationId)).toBe(before.event);
    expect(await w.page('ada', page)).toEqual(before.page);
  });

  it('lets members name themselves and pages by external id, with what our ids get them', async () => {
    const { w, hidden } = f();
    const as = async (query: string, variables: Record<string, unknown>) =>
      answerOf(await w.request('bo', query, variables), (data) => data);
    const integrations = 'query Q($ref: ID) { integrations(userId: $ref) { provider status } }';
    const self = await as(integrations, { ref: 'ext:emp-bo' });
    expect(self.codes).toEqual([]);
    expect(self).toEqual(await as(integrations, { ref: w.users.bo }));
    const someoneElse = await as(integrations, { ref: 'ext:emp-cy' });
    expect(someoneElse.codes).toEqual(['FORBIDDEN']);
    expect(someoneElse).toEqual(await as(integrations, { ref: w.users.cy }));

    const read = `query Q($ref: ID!) { bookingPage(id: $ref) { ...PageFields } } ${PAGE_FIELDS}`;
    const unseen = await as(read, { ref: 'ext:page-h' });
    expect(unseen.codes).toEqual(['NOT_FOUND']);
    expect(unseen).toEqual(await as(read, { ref: hidden }));
    const notTheirs = await as(ENABLE, { page: 'ext:page-h', enabled: false });
    expect(notTheirs.codes).toEqual(['FORBIDDEN']);
    expect(notTheirs).toEqual(await as(ENABLE, { page: hidden, enabled: false }));
  });

  it('looks up every external id of a request in one query per kind', async () => {
    const { w } = f();
    t().queries.length = 0;
    const created = await w.createPage('ada', {
      title: 'Everyone',
      ownerId: 'ext:emp-bo',
      memberIds: ['ext:emp-cy', 'ext:emp-ada', w.users.bo],
    });
    const lookups = t().queries.filter((query) => /"external_id" in/i.test(query));
    expect(lookups).toHaveLength(1);
    expect(lookups[0]).toMatch(/from "users"/);
    expect(created.owner.id).toBe(w.users.bo);
    expect(created.members.map((member) => member.id).sort()).toEqual(
      [w.users.ada, w.users.bo, w.users.cy].sort(),
    );
  });
});
