import type { BookingPageEvaluation } from './types.js';

/**
 * Structural equality of two evaluations' fields (plain data with a deterministic order). The index calls it for
 * every page a change touches, so the fields are compared by name, cheapest first, before any deep comparison.
 */
export function evaluationsEqual(a: BookingPageEvaluation, b: BookingPageEvaluation): boolean {
  if (a === b) return true;
  return (
    a.state === b.state &&
    a.rule === b.rule &&
    a.pageId === b.pageId &&
    a.acceptingBookings === b.acceptingBookings &&
    sameIds(a.eligibleHostIds, b.eligibleHostIds) &&
    sameIds(a.usableLocationIds, b.usableLocationIds) &&
    deepEqual(a.warnings, b.warnings) &&
    deepEqual(a.reasons, b.reasons) &&
    deepEqual(a.plan, b.plan)
  );
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], other[i])) return false;
    return true;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  for (const key of keys) if (!Object.hasOwn(right, key) || !deepEqual(left[key], right[key])) return false;
  return true;
}
