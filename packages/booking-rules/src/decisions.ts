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
  for (let i = 0; i < pages.length; i++) codes[i] = decidePage(pages[i]!, table);
  return new BookingPageDecisions(pages, table, codes);
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
