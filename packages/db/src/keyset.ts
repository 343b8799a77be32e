// Keyset pagination, shared by every list of the read side: the page size rule, the list shape, and opaque
// cursors. A cursor is base64url JSON of a tag naming the list and the sort key of the last row it returned,
// so it stays valid while rows change and a cursor of one list is refused by another.
import { fail, ok, type Result } from './result.js';

/** The largest `first` any list takes. */
export const MAX_PAGE_SIZE = 100;

/** What a cursor may hold: the values of a sort key. */
export type CursorKey = readonly (string | number)[];

/** One page of a list, as GraphQL's connections give it. */
export interface ListPage<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** How many rows match, across all pages. */
  totalCount: number;
}

export function encodeCursor(tag: string, key: CursorKey): string {
  return Buffer.from(JSON.stringify([tag, ...key]), 'utf8').toString('base64url');
}

/** The sort key a cursor of `tag` holds, if it has `length` parts of the right types; else null. */
export function decodeCursor(
  tag: string,
  cursor: string,
  types: readonly ('string' | 'number')[],
): unknown[] | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== types.length + 1 || value[0] !== tag) return null;
    const key = value.slice(1);
    return key.every((part, index) => typeof part === types[index]) ? key : null;
  } catch {
    return null;
  }
}

/** `first` checked against the shared bounds (1 to MAX_PAGE_SIZE). */
export function checkPageSize(first: number): Result<number> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    return fail('BAD_USER_INPUT', `first must be 1 to ${MAX_PAGE_SIZE}`, 'first');
  }
  return ok(first);
}

/**
 * A page from rows read with `limit first + 1`: the extra row only says there is a next page.
 * `cursorOf` makes the cursor of a returned row.
 */
export function toListPage<R, T>(
  rows: readonly R[],
  first: number,
  totalCount: number,
  nodeOf: (row: R) => T,
  cursorOf: (row: R) => string,
): ListPage<T> {
  const page = rows.slice(0, first);
  const edges = page.map((row) => ({ cursor: cursorOf(row), node: nodeOf(row) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}
