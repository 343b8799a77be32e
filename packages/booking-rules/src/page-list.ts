import { compareIds } from './connections.js';
import type { BookingPageEvaluation } from './types.js';

/** For a stable sort of the booking page list: pages disabled by a connection error first, others keep their order. */
export function compareForBookingPageList(a: BookingPageEvaluation, b: BookingPageEvaluation): number {
  return rank(a) - rank(b);
}

function rank(evaluation: BookingPageEvaluation): number {
  return evaluation.state === 'DISABLED_CONNECTION_ERROR' ? 0 : 1;
}

export interface ConnectionErrorSummary {
  /** Pages disabled by a connection error (INACTIVE pages are not counted: their owner turned them off). */
  readonly disabledPageCount: number;
  /** Every errored connection behind those pages, sorted: what the app-wide banner leads to. */
  readonly connectionIds: readonly string[];
  /** Per disabled page, in input order, the exact connections to fix (empty when no reconnect can help). */
  readonly pages: readonly { readonly pageId: string; readonly connectionIds: readonly string[] }[];
}

/** What the banner at the top of the app and each page's "確認する" button need. */
export function summarizeConnectionErrors(
  evaluations: Iterable<BookingPageEvaluation>,
): ConnectionErrorSummary {
  const all = new Set<string>();
  const pages: { pageId: string; connectionIds: string[] }[] = [];
  for (const evaluation of evaluations) {
    if (evaluation.state !== 'DISABLED_CONNECTION_ERROR') continue;
    const ids = new Set<string>();
    for (const reason of evaluation.reasons) for (const id of reason.connectionIds) ids.add(id);
    for (const id of ids) all.add(id);
    pages.push({ pageId: evaluation.pageId, connectionIds: [...ids].sort(compareIds) });
  }
  return { disabledPageCount: pages.length, connectionIds: [...all].sort(compareIds), pages };
}
