import fc from 'fast-check';
import {
  type BookingPageInput,
  type BookingPageMode,
  type ConnectionInput,
  type ConnectionStatus,
  LOCATION_TYPES,
  PROVIDERS,
} from '../types.js';
import type { World } from './world.js';

export interface WorldArbitraryOptions {
  readonly maxUsers?: number;
  readonly maxPages?: number;
  readonly maxMembers?: number;
  readonly maxConnectionsPerUser?: number;
  readonly maxLocations?: number;
  /** Page modes to draw from (default both). */
  readonly modes?: readonly BookingPageMode[];
}

/** Connection errors are frequent here (unlike `generateWorld`): the laws are about broken worlds. */
export const statusArbitrary: fc.Arbitrary<ConnectionStatus> = fc.oneof(
  { arbitrary: fc.constant('CONNECTED' as const), weight: 5 },
  { arbitrary: fc.constant('ERROR' as const), weight: 4 },
  { arbitrary: fc.constant('DISCONNECTED' as const), weight: 1 },
);

const connectionShape = fc.record({ provider: fc.constantFrom(...PROVIDERS), status: statusArbitrary });

/** A page over `users` (by index); ids are filled in by the caller. */
export function pageArbitrary(
  users: readonly string[],
  id: string,
  options: WorldArbitraryOptions = {},
): fc.Arbitrary<BookingPageInput> {
  const maxMembers = Math.min(options.maxMembers ?? 4, users.length);
  const index = fc.integer({ min: 0, max: users.length - 1 });
  return fc
    .record({
      members: fc.uniqueArray(index, { minLength: 1, maxLength: maxMembers }),
      // Mostly a member, sometimes someone else; rarely a repeated member id (input the engine must tolerate).
      owner: fc.oneof({ arbitrary: fc.constant(-1), weight: 4 }, { arbitrary: index, weight: 1 }),
      repeat: fc.integer({ min: 0, max: 19 }),
      mode: fc.constantFrom(...(options.modes ?? (['ALL_MEMBERS', 'ANY_MEMBER'] as const))),
      roundRobin: fc.boolean(),
      enabled: fc.oneof(
        { arbitrary: fc.constant(true), weight: 4 },
        { arbitrary: fc.constant(false), weight: 1 },
      ),
      locations: fc.array(fc.constantFrom(...LOCATION_TYPES), { maxLength: options.maxLocations ?? 3 }),
    })
    .map(({ members, owner, repeat, mode, roundRobin, enabled, locations }) => {
      const memberIds = members.map((m) => users[m]!);
      if (repeat === 0) memberIds.push(memberIds[0]!);
      return {
        id,
        ownerId: owner === -1 ? memberIds[0]! : users[owner]!,
        memberIds,
        mode,
        roundRobin: mode === 'ANY_MEMBER' && roundRobin,
        enabled,
        locations: locations.map((type, l) => ({ id: `${id}-l${l}`, type })),
      };
    });
}

/** Small worlds (a few users, pages and connections) with every status well represented. */
export function worldArbitrary(options: WorldArbitraryOptions = {}): fc.Arbitrary<World> {
  return fc.integer({ min: 1, max: options.maxUsers ?? 5 }).chain((userCount) => {
    const users = Array.from({ length: userCount }, (_, u) => `u${u}`);
    const connectionsOfUser = fc.array(connectionShape, { maxLength: options.maxConnectionsPerUser ?? 3 });
    const pages = fc
      .integer({ min: 1, max: options.maxPages ?? 3 })
      .chain((count) =>
        fc.tuple(...Array.from({ length: count }, (_, p) => pageArbitrary(users, `p${p}`, options))),
      );
    return fc.tuple(fc.tuple(...users.map(() => connectionsOfUser)), pages).map(([perUser, pageList]) => {
      const connections: ConnectionInput[] = perUser.flatMap((shapes, u) =>
        shapes.map((shape, c) => ({ id: `c${u}-${c}`, userId: users[u]!, ...shape })),
      );
      return { users, connections, pages: pageList };
    });
  });
}

export type WorldChange =
  | { readonly kind: 'UPSERT_CONNECTION'; readonly connection: ConnectionInput }
  | { readonly kind: 'REMOVE_CONNECTION'; readonly connectionId: string }
  | { readonly kind: 'UPSERT_PAGE'; readonly page: BookingPageInput }
  | { readonly kind: 'REMOVE_PAGE'; readonly pageId: string };

/** Changes to `world`: status flips of its connections, new and moved connections, page edits and removals. */
export function worldChangeArbitrary(
  world: World,
  options: WorldArbitraryOptions = {},
): fc.Arbitrary<WorldChange> {
  const users = world.users;
  const user = fc.constantFrom(...users);
  const connectionIds = [...world.connections.map((c) => c.id), 'c-new-0', 'c-new-1'];
  const pageIds = [...world.pages.map((p) => p.id), 'p-new-0', 'p-new-1'];
  const existing = world.connections;
  const flip: fc.Arbitrary<WorldChange> =
    existing.length === 0
      ? fc.constant({ kind: 'REMOVE_CONNECTION', connectionId: 'c-none' })
      : fc.tuple(fc.constantFrom(...existing), statusArbitrary).map(([connection, status]) => ({
          kind: 'UPSERT_CONNECTION',
          connection: { ...connection, status },
        }));
  const upsert: fc.Arbitrary<WorldChange> = fc
    .record({ id: fc.constantFrom(...connectionIds), userId: user, shape: connectionShape })
    .map(({ id, userId, shape }) => ({ kind: 'UPSERT_CONNECTION', connection: { id, userId, ...shape } }));
  const removeConnection: fc.Arbitrary<WorldChange> = fc
    .constantFrom(...connectionIds)
    .map((connectionId) => ({ kind: 'REMOVE_CONNECTION', connectionId }));
  const upsertPage: fc.Arbitrary<WorldChange> = fc
    .constantFrom(...pageIds)
    .chain((id) => pageArbitrary(users, id, options))
    .map((page) => ({ kind: 'UPSERT_PAGE', page }));
  const removePage: fc.Arbitrary<WorldChange> = fc
    .constantFrom(...pageIds)
    .map((pageId) => ({ kind: 'REMOVE_PAGE', pageId }));
  return fc.oneof(
    { arbitrary: flip, weight: 5 },
    { arbitrary: upsert, weight: 2 },
    { arbitrary: removeConnection, weight: 1 },
    { arbitrary: upsertPage, weight: 2 },
    { arbitrary: removePage, weight: 1 },
  );
}

export function worldWithChangesArbitrary(
  options: WorldArbitraryOptions & { readonly maxChanges?: number } = {},
): fc.Arbitrary<{ world: World; changes: WorldChange[] }> {
  return worldArbitrary(options).chain((world) =>
    fc
      .array(worldChangeArbitrary(world, options), { minLength: 1, maxLength: options.maxChanges ?? 12 })
      .map((changes) => ({ world, changes })),
  );
}

/** The ground truth a change leads to (upserts replace by id, keeping order; new ones are appended). */
export function applyWorldChange(world: World, change: WorldChange): World {
  switch (change.kind) {
    case 'UPSERT_CONNECTION':
      return { ...world, connections: upsertById(world.connections, change.connection) };
    case 'REMOVE_CONNECTION':
      return { ...world, connections: world.connections.filter((c) => c.id !== change.connectionId) };
    case 'UPSERT_PAGE':
      return { ...world, pages: upsertById(world.pages, change.page) };
    case 'REMOVE_PAGE':
      return { ...world, pages: world.pages.filter((p) => p.id !== change.pageId) };
  }
}

function upsertById<T extends { readonly id: string }>(items: readonly T[], item: T): T[] {
  const at = items.findIndex((existing) => existing.id === item.id);
  return at === -1 ? [...items, item] : items.map((existing, i) => (i === at ? item : existing));
}
