import type {
  BookingPageInput,
  ConnectionInput,
  ConnectionStatus,
  LocationInput,
  LocationType,
  Provider,
} from '../types.js';

export interface World {
  readonly users: readonly string[];
  readonly connections: readonly ConnectionInput[];
  readonly pages: readonly BookingPageInput[];
}

export interface GenerateWorldOptions {
  readonly pages: number;
  readonly seed: number;
  /** Users shared by the pages; default one per five pages (200k users for 1M pages). */
  readonly users?: number;
  /** Share of connections in ERROR (default 0.03) and DISCONNECTED (default 0.03); the rest are CONNECTED. */
  readonly errorRate?: number;
  readonly disconnectedRate?: number;
  /** Share of ANY_MEMBER pages (default 0.4), of those round robin (default 0.7). */
  readonly anyMemberRate?: number;
  readonly roundRobinRate?: number;
  /** Share of pages turned off by their owner (default 0.05). */
  readonly inactiveRate?: number;
  /** Share of pages whose owner is not a member (default 0.1). */
  readonly ownerNotMemberRate?: number;
}

/** Mulberry32: tiny, fast, good enough for test data. Returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T>(random: () => number, table: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, weight] of table) total += weight;
  let roll = random() * total;
  for (const [value, weight] of table) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return table[table.length - 1]![0];
}

const FIRST_CALENDAR: readonly (readonly [Provider, number])[] = [
  ['GOOGLE_CALENDAR', 60],
  ['MICROSOFT_CALENDAR', 30],
  ['EXCHANGE', 10],
];
const EXTRA_CONNECTION: readonly (readonly [Provider, number])[] = [
  ['ZOOM', 40],
  ['MICROSOFT_TEAMS', 30],
  ['GOOGLE_CALENDAR', 20],
  ['MICROSOFT_CALENDAR', 10],
];
const CONNECTION_COUNT: readonly (readonly [number, number])[] = [
  [1, 40],
  [2, 40],
  [3, 20],
];
const MEMBER_COUNT: readonly (readonly [number, number])[] = [
  [1, 30],
  [2, 20],
  [3, 15],
  [4, 10],
  [5, 8],
  [6, 7],
  [7, 5],
  [8, 5],
];
const LOCATION_COUNT: readonly (readonly [number, number])[] = [
  [0, 30],
  [1, 45],
  [2, 18],
  [3, 7],
];
const LOCATION_TYPE: readonly (readonly [LocationType, number])[] = [
  ['ZOOM', 30],
  ['MICROSOFT_TEAMS', 15],
  ['GOOGLE_MEET', 25],
  ['IN_PERSON', 15],
  ['PHONE', 8],
  ['CUSTOM_URL', 7],
];
const FREE_LOCATIONS = 8 | 16 | 32;
const OFFERED_BY: Readonly<Record<Provider, number>> = {
  ZOOM: 1,
  MICROSOFT_TEAMS: 2,
  GOOGLE_CALENDAR: 4,
  MICROSOFT_CALENDAR: 0,
  EXCHANGE: 0,
};

function offeredLocation(random: () => number, offer: number): LocationType {
  for (;;) {
    const row = Math.floor(random() * LOCATION_TYPE.length);
    if ((offer & (1 << row)) === 0) continue;
    const [type, weight] = LOCATION_TYPE[row]!;
    if (random() * 30 < weight) return type;
  }
}

// Members come from a window of neighbouring users, as teams do, so users share pages.
const TEAM_WINDOW = 32;

/**
 * A deterministic world for tests and benchmarks: users with 1–3 connections (mostly CONNECTED, a few % ERROR),
 * pages with 1–8 members drawn from teams and 0–3 locations. Ids are shared strings: a user id is allocated once.
 */
export function generateWorld(options: GenerateWorldOptions): World {
  const random = seededRandom(options.seed);
  const errorRate = options.errorRate ?? 0.03;
  const disconnectedRate = options.disconnectedRate ?? 0.03;
  const userCount = Math.max(1, options.users ?? Math.ceil(options.pages / 5));
  const status = (): ConnectionStatus => {
    const roll = random();
    return roll < errorRate ? 'ERROR' : roll < errorRate + disconnectedRate ? 'DISCONNECTED' : 'CONNECTED';
  };

  const users = new Array<string>(userCount);
  // Which location types each user could set up (bit per LOCATION_TYPE row): pages get locations their owner had.
  const offers = new Uint8Array(userCount);
  const connections: ConnectionInput[] = [];
  // User ids first, side by side in memory, as a loader reading a users table would leave them.
  for (let u = 0; u < userCount; u++) users[u] = `user-${u}`;
  for (let u = 0; u < userCount; u++) {
    const userId = users[u]!;
    const count = weighted(random, CONNECTION_COUNT);
    const providers: Provider[] = [weighted(random, FIRST_CALENDAR)];
    while (providers.length < count) {
      const provider = weighted(random, EXTRA_CONNECTION);
      // Zoom and Teams are linked once per user; calendars once per account.
      if ((provider === 'ZOOM' || provider === 'MICROSOFT_TEAMS') && providers.includes(provider)) continue;
      providers.push(provider);
    }
    let offer = FREE_LOCATIONS;
    for (let c = 0; c < providers.length; c++) {
      const provider = providers[c]!;
      offer |= OFFERED_BY[provider];
      connections.push({ id: `conn-${u}-${c}`, userId, provider, status: status() });
    }
    offers[u] = offer;
  }

  const pages = new Array<BookingPageInput>(options.pages);
  const anyMemberRate = options.anyMemberRate ?? 0.4;
  const roundRobinRate = options.roundRobinRate ?? 0.7;
  const inactiveRate = options.inactiveRate ?? 0.05;
  const ownerNotMemberRate = options.ownerNotMemberRate ?? 0.1;
  for (let p = 0; p < options.pages; p++) {
    const id = `page-${p}`;
    const memberCount = Math.min(weighted(random, MEMBER_COUNT), userCount);
    const base = Math.floor(random() * userCount);
    // Filled by index, not push: arrays grown by push keep spare capacity, a lot of it across 1M pages.
    const memberIds = new Array<string>(memberCount);
    let firstMember = 0;
    for (let filled = 0; filled < memberCount; ) {
      const at = (base + Math.floor(random() * Math.min(TEAM_WINDOW, userCount))) % userCount;
      const candidate = users[at]!;
      if (memberIds.includes(candidate)) continue;
      if (filled === 0) firstMember = at;
      memberIds[filled++] = candidate;
    }
    const ownerIndex = random() < ownerNotMemberRate ? Math.floor(random() * userCount) : firstMember;
    const ownerId = users[ownerIndex]!;
    const anyMember = random() < anyMemberRate;
    const locationCount = weighted(random, LOCATION_COUNT);
    const locations = new Array<LocationInput>(locationCount);
    for (let l = 0; l < locationCount; l++) {
      locations[l] = { id: `${id}-loc-${l}`, type: offeredLocation(random, offers[ownerIndex]!) };
    }
    pages[p] = {
      id,
      ownerId,
      memberIds,
      mode: anyMember ? 'ANY_MEMBER' : 'ALL_MEMBERS',
      roundRobin: anyMember && random() < roundRobinRate,
      enabled: random() >= inactiveRate,
      locations,
    };
  }
  return { users, connections, pages };
}
