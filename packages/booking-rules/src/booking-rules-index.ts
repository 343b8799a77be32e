import { compareIds } from './connections.js';
import { evaluationsEqual } from './equality.js';
import { evaluatePage } from './evaluate.js';
import type { BookingPageEvaluation, BookingPageInput, ConnectionInput } from './types.js';
import { UserTable } from './user-table.js';

/** One page whose evaluation changed: `before` is null for a new page, `after` null for a removed one. */
export interface PageEvaluationChange {
  readonly pageId: string;
  readonly before: BookingPageEvaluation | null;
  readonly after: BookingPageEvaluation | null;
}

export interface BookingRulesIndexInit {
  readonly pages?: Iterable<BookingPageInput>;
  readonly connections?: Iterable<ConnectionInput>;
}

// Above this many pages, a user's page list becomes a Set so removing a page stays O(1).
const SET_THRESHOLD = 64;
const NO_CHANGES: readonly PageEvaluationChange[] = Object.freeze([]);

/**
 * Every page's evaluation, kept current as connections and pages change. Each change re-evaluates only the pages
 * of the users it concerns (members and owners) and returns only the pages whose evaluation changed, sorted by
 * page id, so the caller can write them in the same transaction and append them to its event log in order.
 * Inputs are kept by reference: pass a new object to change one.
 */
export class BookingRulesIndex {
  readonly #connections = new Map<string, ConnectionInput>();
  readonly #users = new UserTable();
  readonly #slotOf = new Map<string, number>();
  readonly #pageAt: (BookingPageInput | undefined)[] = [];
  readonly #evaluationAt: (BookingPageEvaluation | undefined)[] = [];
  readonly #freeSlots: number[] = [];
  /** By user index (see UserTable): the slots of the pages the user is a member or the owner of. */
  readonly #slotsOfUser: (number[] | Set<number> | undefined)[] = [];

  constructor(init: BookingRulesIndexInit = {}) {
    for (const connection of init.connections ?? []) this.#storeConnection(connection);
    for (const page of init.pages ?? []) this.#putPage(page);
  }

  get pageCount(): number {
    return this.#slotOf.size;
  }

  getEvaluation(pageId: string): BookingPageEvaluation | undefined {
    const slot = this.#slotOf.get(pageId);
    return slot === undefined ? undefined : this.#evaluationAt[slot];
  }

  getPage(pageId: string): BookingPageInput | undefined {
    const slot = this.#slotOf.get(pageId);
    return slot === undefined ? undefined : this.#pageAt[slot];
  }

  getConnection(connectionId: string): ConnectionInput | undefined {
    return this.#connections.get(connectionId);
  }

  connectionsOfUser(userId: string): readonly ConnectionInput[] {
    return this.#users.get(userId) ?? [];
  }

  /** The pages a user is a member or the owner of (e.g. for `removeLocationsForUnlinkedConnection`). */
  pagesOfUser(userId: string): BookingPageInput[] {
    const pages: BookingPageInput[] = [];
    for (const slot of this.#slotsOf(userId) ?? []) pages.push(this.#pageAt[slot]!);
    return pages;
  }

  *evaluations(): IterableIterator<BookingPageEvaluation> {
    for (const evaluation of this.#evaluationAt) if (evaluation !== undefined) yield evaluation;
  }

  /** Upserts a connection (a DISCONNECTED status is an unlink: the connection is kept, and counts for nothing). */
  applyConnectionChange(connection: ConnectionInput): readonly PageEvaluationChange[] {
    const previous = this.#connections.get(connection.id);
    if (previous === undefined) {
      this.#storeConnection(connection);
      return this.#reevaluateUsers(connection.userId);
    }
    this.#connections.set(connection.id, connection);
    if (previous.userId === connection.userId) {
      this.#users.replace(previous, connection);
      // Evaluations read only a connection's id, user, provider, status and (FIX_INTEROP_SETTINGS) error sub-reason.
      if (
        previous.provider === connection.provider &&
        previous.status === connection.status &&
        previous.errorSubReason === connection.errorSubReason
      )
        return NO_CHANGES;
      return this.#reevaluateUsers(connection.userId);
    }
    this.#forgetConnection(previous);
    this.#storeConnection(connection);
    return this.#reevaluateUsers(previous.userId, connection.userId);
  }

  removeConnection(connectionId: string): readonly PageEvaluationChange[] {
    const previous = this.#connections.get(connectionId);
    if (previous === undefined) return NO_CHANGES;
    this.#connections.delete(connectionId);
    this.#forgetConnection(previous);
    return this.#reevaluateUsers(previous.userId);
  }

  upsertPage(page: BookingPageInput): readonly PageEvaluationChange[] {
    const { before, after } = this.#putPage(page);
    if (before !== null && evaluationsEqual(before, after)) return NO_CHANGES;
    return [{ pageId: page.id, before, after }];
  }

  #putPage(page: BookingPageInput): { before: BookingPageEvaluation | null; after: BookingPageEvaluation } {
    let slot = this.#slotOf.get(page.id);
    const previousPage = slot === undefined ? undefined : this.#pageAt[slot];
    if (slot === undefined) {
      slot = this.#freeSlots.pop() ?? this.#pageAt.length;
      this.#slotOf.set(page.id, slot);
    }
    if (previousPage !== undefined) this.#unregister(slot, previousPage, page);
    this.#register(slot, page, previousPage);
    this.#pageAt[slot] = page;
    const before = this.#evaluationAt[slot] ?? null;
    const after = evaluatePage(page, this.#users);
    this.#evaluationAt[slot] = after;
    return { before, after };
  }

  removePage(pageId: string): readonly PageEvaluationChange[] {
    const slot = this.#slotOf.get(pageId);
    if (slot === undefined) return NO_CHANGES;
    const page = this.#pageAt[slot]!;
    const before = this.#evaluationAt[slot]!;
    this.#unregister(slot, page, undefined);
    this.#slotOf.delete(pageId);
    this.#pageAt[slot] = undefined;
    this.#evaluationAt[slot] = undefined;
    this.#freeSlots.push(slot);
    return [{ pageId, before, after: null }];
  }

  #storeConnection(connection: ConnectionInput): void {
    const previous = this.#connections.get(connection.id);
    if (previous !== undefined) this.#users.remove(previous);
    this.#connections.set(connection.id, connection);
    this.#users.add(connection);
  }

  #forgetConnection(connection: ConnectionInput): void {
    this.#users.remove(connection);
  }

  #reevaluateUsers(userId: string, otherUserId?: string): readonly PageEvaluationChange[] {
    const slots = this.#slotsOf(userId);
    const others = otherUserId === undefined ? undefined : this.#slotsOf(otherUserId);
    const affected = others === undefined ? slots : new Set([...(slots ?? []), ...others]);
    if (affected === undefined) return NO_CHANGES;
    const changes: PageEvaluationChange[] = [];
    for (const slot of affected) {
      const page = this.#pageAt[slot]!;
      const before = this.#evaluationAt[slot]!;
      const after = evaluatePage(page, this.#users);
      if (evaluationsEqual(before, after)) continue;
      this.#evaluationAt[slot] = after;
      changes.push({ pageId: page.id, before, after });
    }
    return changes.sort((a, b) => compareIds(a.pageId, b.pageId));
  }

  #slotsOf(userId: string): number[] | Set<number> | undefined {
    const index = this.#users.indexOf(userId);
    return index === -1 ? undefined : this.#slotsOfUser[index];
  }

  /** Adds `slot` to the lists of the page's users that `previous` did not already involve. */
  #register(slot: number, page: BookingPageInput, previous: BookingPageInput | undefined): void {
    const count = this.#collectUsers(page);
    for (let i = 0; i < count; i++) {
      const index = userScratch[i]!;
      if (previous !== undefined && involves(previous, index, this.#users)) continue;
      const slots = this.#slotsOfUser[index];
      if (slots === undefined) this.#slotsOfUser[index] = [slot];
      else if (Array.isArray(slots)) {
        slots.push(slot);
        if (slots.length > SET_THRESHOLD) this.#slotsOfUser[index] = new Set(slots);
      } else slots.add(slot);
    }
  }

  /** Removes `slot` from the lists of the page's users that `next` no longer involves. */
  #unregister(slot: number, page: BookingPageInput, next: BookingPageInput | undefined): void {
    const count = this.#collectUsers(page);
    for (let i = 0; i < count; i++) {
      const index = userScratch[i]!;
      if (next !== undefined && involves(next, index, this.#users)) continue;
      const slots = this.#slotsOfUser[index];
      if (slots === undefined) continue;
      if (Array.isArray(slots)) {
        const at = slots.indexOf(slot);
        if (at !== -1) {
          slots[at] = slots[slots.length - 1]!;
          slots.pop();
        }
        if (slots.length === 0) this.#slotsOfUser[index] = undefined;
      } else {
        slots.delete(slot);
        if (slots.size === 0) this.#slotsOfUser[index] = undefined;
      }
    }
  }

  /** Interns the page's users (members and owner) into `userScratch`, each once; returns how many. */
  #collectUsers(page: BookingPageInput): number {
    const members = page.memberIds;
    if (userScratch.length <= members.length) userScratch = new Int32Array(members.length * 2 + 2);
    let count = 0;
    for (let i = 0; i <= members.length; i++) {
      const index = this.#users.intern(i < members.length ? members[i]! : page.ownerId);
      let seen = false;
      for (let j = 0; j < count && !seen; j++) seen = userScratch[j] === index;
      if (!seen) userScratch[count++] = index;
    }
    return count;
  }
}

let userScratch = new Int32Array(32);

/** Whether `page` involves the user interned at `index`. */
function involves(page: BookingPageInput, index: number, users: UserTable): boolean {
  if (users.indexOf(page.ownerId) === index) return true;
  for (const member of page.memberIds) if (users.indexOf(member) === index) return true;
  return false;
}
