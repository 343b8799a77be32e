import { connectionMask, isConnectionList } from './connections.js';
import type { ConnectionInput, ConnectionSource } from './types.js';

/** Read access to each user's connections; all the plan builders need. */
export interface ConnectionLookup {
  get(userId: string): readonly ConnectionInput[] | undefined;
}

const INITIAL_CAPACITY = 64;
const NO_CONNECTIONS: readonly ConnectionInput[] = Object.freeze([]);

/**
 * Users interned as dense indexes, each with their connections and their `connectionMask`. Bulk evaluation reads one
 * hash lookup and one typed-array slot per member, and tells repeated members apart by index, not by comparing
 * strings. Indexes are never reused, so a user's index stays valid while the table lives.
 */
export class UserTable implements ConnectionLookup {
  readonly #indexOf = new Map<string, number>();
  // Copy-on-write, exact-size lists: a list handed out never changes, and none carries spare capacity.
  readonly #lists: (readonly ConnectionInput[])[] = [];
  #masks = new Int32Array(INITIAL_CAPACITY);

  static from(source: ConnectionSource): UserTable {
    const table = new UserTable();
    if (!isConnectionList(source)) {
      for (const [userId, connections] of source) table.#addList(userId, connections);
      return table;
    }
    const grouped: ConnectionInput[][] = [];
    for (const connection of source) {
      const index = table.#intern(connection.userId);
      const list = grouped[index];
      if (list === undefined) grouped[index] = [connection];
      else list.push(connection);
    }
    for (let index = 0; index < grouped.length; index++) table.#set(index, grouped[index]!.slice());
    return table;
  }

  /** -1 for a user the table has never seen (no connections: mask 0). */
  indexOf(userId: string): number {
    return this.#indexOf.get(userId) ?? -1;
  }

  maskAt(index: number): number {
    return index < 0 ? 0 : this.#masks[index]!;
  }

  maskOf(userId: string): number {
    return this.maskAt(this.indexOf(userId));
  }

  get(userId: string): readonly ConnectionInput[] | undefined {
    const index = this.#indexOf.get(userId);
    return index === undefined ? undefined : this.#lists[index];
  }

  add(connection: ConnectionInput): void {
    const index = this.#intern(connection.userId);
    this.#set(index, [...this.#lists[index]!, connection]);
  }

  /** Swaps `previous` for `next` (same user), keeping the list's order. */
  replace(previous: ConnectionInput, next: ConnectionInput): void {
    const index = this.#intern(previous.userId);
    const list = this.#lists[index]!;
    this.#set(
      index,
      list.includes(previous) ? list.map((c) => (c === previous ? next : c)) : [...list, next],
    );
  }

  remove(connection: ConnectionInput): void {
    const index = this.#indexOf.get(connection.userId);
    if (index === undefined) return;
    const list = this.#lists[index]!.filter((c) => c !== connection);
    this.#set(index, list.length === 0 ? NO_CONNECTIONS : list);
  }

  #addList(userId: string, connections: readonly ConnectionInput[]): void {
    const index = this.#intern(userId);
    this.#set(index, [...this.#lists[index]!, ...connections]);
  }

  #set(index: number, list: readonly ConnectionInput[]): void {
    this.#lists[index] = list;
    this.#masks[index] = connectionMask(list);
  }

  /** The user's index, allocating one (with no connections) for a user not seen yet. */
  intern(userId: string): number {
    return this.#intern(userId);
  }

  #intern(userId: string): number {
    let index = this.#indexOf.get(userId);
    if (index !== undefined) return index;
    index = this.#lists.length;
    this.#indexOf.set(userId, index);
    this.#lists.push(NO_CONNECTIONS);
    if (index >= this.#masks.length) {
      const grown = new Int32Array(this.#masks.length * 2);
      grown.set(this.#masks);
      this.#masks = grown;
    }
    return index;
  }
}
