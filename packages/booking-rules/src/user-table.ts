import { connectionMask, ERROR_SHIFT, isConnectionList, PROVIDER_BIT } from './connections.js';
import { type CalendarErrors, memberCalendarErrors } from './plan.js';
import type { ConnectionInput, ConnectionSource } from './types.js';

/** Read access to each user's connections; all the plan builders need. */
export interface ConnectionLookup {
  get(userId: string): readonly ConnectionInput[] | undefined;
}

const INITIAL_CAPACITY = 64;
const NO_CONNECTIONS: readonly ConnectionInput[] = Object.freeze([]);

/** Connection masks use bits 0–9 (see PROVIDER_BIT, ERROR_SHIFT); an entry packs the user index above them. */
export const ENTRY_MASK_SPACE = 1024;
export const ENTRY_MASK = ENTRY_MASK_SPACE - 1;
/** The entry of a user the table has never seen: index -1, mask 0 (`entry & ENTRY_MASK` is 0). */
export const UNKNOWN_ENTRY = -ENTRY_MASK_SPACE;

/** The user index an entry packs (-1 for UNKNOWN_ENTRY). */
export function entryIndex(entry: number): number {
  return (entry - (entry & ENTRY_MASK)) / ENTRY_MASK_SPACE;
}

/**
 * Users interned as dense indexes, each with their connections and their `connectionMask`. Bulk evaluation reads
 * one dictionary probe per member: the entry `index * ENTRY_MASK_SPACE + mask`, so the mask needs no second load,
 * and repeated members are told apart by entry, not by comparing strings. Indexes are never reused, so a user's
 * index (and entry, while their connections do not change) stays valid while the table lives.
 *
 * The entries live in a null-prototype dictionary object rather than a Map: V8 internalizes its keys, so a probe
 * compares pointers and never loads a colliding key, which a Map with 200k string keys does (it is memory-bound).
 * Built from a list, a user's connection list is only materialized when asked for (pages with a reason): until
 * then it is a chain through the source list.
 */
export class UserTable implements ConnectionLookup {
  readonly #entries: Record<string, number> = Object.create(null) as Record<string, number>;
  readonly #ids: string[] = [];
  // Copy-on-write, exact-size lists: a list handed out never changes, and none carries spare capacity.
  // `undefined`: not materialized yet, read the chain (#first/#next through #source).
  readonly #lists: (readonly ConnectionInput[] | undefined)[] = [];
  /** By index: the reasons and plan steps of the user's errored calendars, built once, shared by their pages. */
  readonly #calendarErrors: (CalendarErrors | undefined)[] = [];
  #source: readonly ConnectionInput[] = NO_CONNECTIONS;
  #first: Int32Array = new Int32Array(0);
  #next: Int32Array = new Int32Array(0);

  static from(source: ConnectionSource): UserTable {
    const table = new UserTable();
    if (!isConnectionList(source)) {
      for (const [userId, connections] of source) table.#addList(userId, connections);
      return table;
    }
    table.#chain(source);
    return table;
  }

  /**
   * Interns every user of `source` with its mask, linking each user's connections in list order. A run of
   * connections of one user (lists are usually read ordered by user) costs one dictionary probe and one store.
   */
  #chain(source: readonly ConnectionInput[]): void {
    const entries = this.#entries;
    const ids = this.#ids;
    const lists = this.#lists;
    let first: Int32Array = new Int32Array(INITIAL_CAPACITY);
    let last: Int32Array = new Int32Array(INITIAL_CAPACITY);
    const next = new Int32Array(source.length);
    for (let c = 0; c < source.length; ) {
      const userId = source[c]!.userId;
      let entry = entries[userId];
      const fresh = entry === undefined;
      let index: number;
      if (entry === undefined) {
        index = ids.length;
        ids.push(userId);
        lists.push(undefined);
        if (index >= first.length) {
          first = grow(first);
          last = grow(last);
        }
        first[index] = c;
        entry = index * ENTRY_MASK_SPACE;
      } else {
        index = entryIndex(entry);
        next[last[index]!] = c;
      }
      let mask = entry & ENTRY_MASK;
      const initial = mask;
      let connection = source[c]!;
      for (;;) {
        mask |= connectionBit(connection);
        next[c] = ++c;
        if (c === source.length) break;
        connection = source[c]!;
        if (connection.userId !== userId) break;
      }
      next[c - 1] = -1;
      last[index] = c - 1;
      if (fresh || mask !== initial) entries[userId] = index * ENTRY_MASK_SPACE + mask;
    }
    this.#source = source;
    this.#first = first;
    this.#next = next;
  }

  /** `index * ENTRY_MASK_SPACE + mask`, or UNKNOWN_ENTRY for a user the table has never seen. */
  entryOf(userId: string): number {
    return this.#entries[userId] ?? UNKNOWN_ENTRY;
  }

  /** -1 for a user the table has never seen (no connections: mask 0). */
  indexOf(userId: string): number {
    return entryIndex(this.entryOf(userId));
  }

  maskOf(userId: string): number {
    return this.entryOf(userId) & ENTRY_MASK;
  }

  get(userId: string): readonly ConnectionInput[] | undefined {
    const entry = this.#entries[userId];
    return entry === undefined ? undefined : this.#listAt(entryIndex(entry));
  }

  /** The reasons and plan steps of the errored calendars of the user at `index` (shared, frozen). */
  calendarErrorsAt(index: number): CalendarErrors {
    let errors = this.#calendarErrors[index];
    if (errors === undefined) {
      errors = memberCalendarErrors(this.#ids[index]!, this.#listAt(index), true);
      this.#calendarErrors[index] = errors;
    }
    return errors;
  }

  add(connection: ConnectionInput): void {
    const index = this.#intern(connection.userId);
    this.#set(index, [...this.#listAt(index), connection]);
  }

  /** Swaps `previous` for `next` (same user), keeping the list's order. */
  replace(previous: ConnectionInput, next: ConnectionInput): void {
    const index = this.#intern(previous.userId);
    const list = this.#listAt(index);
    this.#set(
      index,
      list.includes(previous) ? list.map((c) => (c === previous ? next : c)) : [...list, next],
    );
  }

  remove(connection: ConnectionInput): void {
    const entry = this.#entries[connection.userId];
    if (entry === undefined) return;
    const index = entryIndex(entry);
    const list = this.#listAt(index).filter((c) => c !== connection);
    this.#set(index, list.length === 0 ? NO_CONNECTIONS : list);
  }

  #listAt(index: number): readonly ConnectionInput[] {
    const list = this.#lists[index];
    if (list !== undefined) return list;
    // Materialize the chain, at its exact size.
    let count = 0;
    for (let c = this.#first[index]!; c !== -1; c = this.#next[c]!) count++;
    const built = new Array<ConnectionInput>(count);
    for (let c = this.#first[index]!, at = 0; c !== -1; c = this.#next[c]!) built[at++] = this.#source[c]!;
    this.#lists[index] = built;
    return built;
  }

  #addList(userId: string, connections: readonly ConnectionInput[]): void {
    const index = this.#intern(userId);
    this.#set(index, [...this.#listAt(index), ...connections]);
  }

  #set(index: number, list: readonly ConnectionInput[]): void {
    this.#lists[index] = list;
    this.#calendarErrors[index] = undefined;
    this.#entries[this.#ids[index]!] = index * ENTRY_MASK_SPACE + connectionMask(list);
  }

  /** The user's index, allocating one (with no connections) for a user not seen yet. */
  intern(userId: string): number {
    return this.#intern(userId);
  }

  #intern(userId: string): number {
    const entry = this.#entries[userId];
    if (entry !== undefined) return entryIndex(entry);
    const index = this.#ids.length;
    this.#ids.push(userId);
    this.#lists.push(NO_CONNECTIONS);
    this.#entries[userId] = index * ENTRY_MASK_SPACE;
    return index;
  }
}

/** The connection's contribution to its user's mask (see `connectionMask`). */
function connectionBit(connection: ConnectionInput): number {
  const bit = PROVIDER_BIT[connection.provider];
  if (bit === undefined) return 0;
  return connection.status === 'CONNECTED' ? bit : connection.status === 'ERROR' ? bit << ERROR_SHIFT : 0;
}

function grow(array: Int32Array): Int32Array {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}
