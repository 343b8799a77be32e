import {
  DECIDED_ANY_MEMBER,
  DECIDED_DISABLED,
  DECIDED_HOSTS_DEFERRED,
  DECIDED_NO_HOSTS,
  DECIDED_STATE_BITS,
  decidePage,
  distinctMembers,
  evaluatePage,
} from './evaluate.js';
import type {
  AppliedRule,
  BookingPageEvaluation,
  BookingPageInput,
  BookingPageState,
  ConnectionSource,
} from './types.js';
import { UserTable } from './user-table.js';

const NO_HOSTS: readonly string[] = Object.freeze([]);
/** Pages whose member entries are looked up together before any of them is decided. */
const BLOCK_PAGES = 512;

/**
 * Decides every page — state, whether it accepts bookings, its rule and eligible hosts — against one interning of
 * the connections, keeping one byte per page. The full evaluation (reasons, plan, locations, warnings) of a page is
 * built only when asked for, and equals what `evaluateAll` returns for it. Use it to scan many pages.
 */
export function decideAll(
  pages: readonly BookingPageInput[],
  connections: ConnectionSource,
): BookingPageDecisions {
  const table = UserTable.from(connections);
  const codes = new Uint8Array(pages.length);
  let gathered: Float64Array = new Float64Array(BLOCK_PAGES * 8);
  for (let start = 0; start < pages.length; start += BLOCK_PAGES) {
    const end = Math.min(pages.length, start + BLOCK_PAGES);
    // Lookups first, in a loop with no branch on what they find: the processor overlaps their cache misses,
    // which one page's decision, branching on each mask, would not let it do.
    let at = 0;
    for (let p = start; p < end; p++) {
      const page = pages[p]!;
      if (!page.enabled) continue;
      const members = page.memberIds;
      if (at + members.length > gathered.length) gathered = grown(gathered, at + members.length);
      for (let i = 0; i < members.length; i++) gathered[at++] = table.entryOf(members[i]!);
    }
    at = 0;
    for (let p = start; p < end; p++) {
      const page = pages[p]!;
      codes[p] = decidePage(page, table, gathered, at);
      if (page.enabled) at += page.memberIds.length;
    }
  }
  return new BookingPageDecisions(pages, table, codes);
}

function grown(array: Float64Array, needed: number): Float64Array {
  const next = new Float64Array(Math.max(needed, array.length * 2));
  next.set(array);
  return next;
}

/** The result of `decideAll`, by page position (the order of `pages`). Inputs are kept by reference. */
export class BookingPageDecisions {
  readonly #pages: readonly BookingPageInput[];
  readonly #table: UserTable;
  readonly #codes: Uint8Array;

  /** @internal built by `decideAll` */
  constructor(pages: readonly BookingPageInput[], table: UserTable, codes: Uint8Array) {
    this.#pages = pages;
    this.#table = table;
    this.#codes = codes;
  }

  get length(): number {
    return this.#codes.length;
  }

  pageId(at: number): string {
    return this.#page(at).id;
  }

  state(at: number): BookingPageState {
    const state = this.#code(at) & DECIDED_STATE_BITS;
    return state === 0 ? 'ACTIVE' : state === DECIDED_DISABLED ? 'DISABLED_CONNECTION_ERROR' : 'INACTIVE';
  }

  acceptingBookings(at: number): boolean {
    return (this.#code(at) & DECIDED_STATE_BITS) === 0;
  }

  rule(at: number): AppliedRule {
    return (this.#code(at) & DECIDED_ANY_MEMBER) !== 0 ? 'ANY_MEMBER' : 'ALL_MEMBERS';
  }

  /** In page member order; see `BookingPageEvaluation.eligibleHostIds`. */
  eligibleHostIds(at: number): readonly string[] {
    const code = this.#code(at);
    if ((code & DECIDED_NO_HOSTS) !== 0) return NO_HOSTS;
    if ((code & DECIDED_HOSTS_DEFERRED) !== 0) return this.evaluation(at).eligibleHostIds;
    return distinctMembers(this.#page(at).memberIds);
  }

  /** The page's full evaluation, built now (not kept: ask again and it is built again). */
  evaluation(at: number): BookingPageEvaluation {
    return evaluatePage(this.#page(at), this.#table);
  }

  *evaluations(): IterableIterator<BookingPageEvaluation> {
    for (let at = 0; at < this.#codes.length; at++) yield this.evaluation(at);
  }

  #code(at: number): number {
    this.#page(at);
    return this.#codes[at]!;
  }

  #page(at: number): BookingPageInput {
    const page = this.#pages[at];
    if (page === undefined || !Number.isInteger(at) || at < 0 || at >= this.#codes.length) {
      throw new RangeError(`no page at position ${at} (of ${this.#codes.length})`);
    }
    return page;
  }
}
