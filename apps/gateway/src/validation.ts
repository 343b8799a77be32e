// Argument checks at the edge, before any SQL: malformed ids and oversized text are BAD_USER_INPUT.
import { badInput } from './errors.js';

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Ids are opaque, but always short and plain (no colon: none starts with `ext:`, see references/). */
export function checkId(value: string, field: string): string {
  if (!ID_PATTERN.test(value)) throw badInput(`${field} is not a valid id`, field);
  return value;
}

export function checkCount<T>(values: readonly T[], field: string, max: number): readonly T[] {
  if (values.length > max) throw badInput(`${field} has more than ${max} entries`, field);
  return values;
}

/** Caps free text early (the services check exact rules such as title ≤ 200). */
export function checkText<T extends string | null | undefined>(value: T, field: string, max: number): T {
  if (typeof value === 'string' && value.length > max) {
    throw badInput(`${field} is longer than ${max} characters`, field);
  }
  return value;
}

/** Event log cursors are the decimal id of the last event seen. */
export function parseEventCursor(value: string | null | undefined, field = 'after'): number | null {
  if (value === null || value === undefined) return null;
  if (!/^(0|[1-9][0-9]{0,14})$/.test(value)) throw badInput(`${field} is not an event cursor`, field);
  return Number(value);
}

/** Longer than any cursor of ours (a keyset cursor holds at most a 200-character title and an id). */
export const MAX_CURSOR_LENGTH = 1024;

export function checkFirst(value: number, max: number, field = 'first'): number {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw badInput(`${field} must be 1 to ${max}`, field);
  }
  return value;
}
