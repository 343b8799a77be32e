import type { BookingPageEvaluation } from './types.js';

/**
 * Round-robin assignment: the eligible host assigned least recently (never-assigned hosts first, in page member
 * order). `recentHostIds` is the assignment history, oldest first; ids that are not eligible hosts now are ignored.
 * Returns null when the page does not accept bookings or has no eligible host: it never picks anyone else.
 */
export function pickRoundRobinHost(
  evaluation: BookingPageEvaluation,
  recentHostIds: readonly string[] = [],
): string | null {
  if (!evaluation.acceptingBookings) return null;
  const lastAssignedAt = new Map<string, number>();
  for (let at = 0; at < recentHostIds.length; at++) lastAssignedAt.set(recentHostIds[at]!, at);
  let picked: string | null = null;
  let pickedAt = Number.POSITIVE_INFINITY;
  for (const host of evaluation.eligibleHostIds) {
    const at = lastAssignedAt.get(host) ?? -1;
    if (at < pickedAt) {
      picked = host;
      pickedAt = at;
    }
  }
  return picked;
}
