import type { BookingPageEvaluation, EvaluationWarning } from './types.js';

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

/** English one-liner for a warning ("2 of 5 hosts unavailable"); UIs localize from the counts. */
export function describeWarning(warning: EvaluationWarning): string {
  const count = `${warning.userIds.length} of ${warning.memberCount}`;
  switch (warning.kind) {
    case 'HOSTS_UNAVAILABLE':
      return `${count} hosts unavailable`;
    case 'MEMBERS_WITHOUT_CALENDAR':
      return `${count} members have no connected calendar`;
  }
}
