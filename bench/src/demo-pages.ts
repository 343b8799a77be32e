// What the gateway benchmarks share: GraphQL over HTTP as the demo admin, and the demo organization grown to a
// number of booking pages that share its members (and so its errored connections).
import { compactPageCounts } from '@tsunagi/db';
import type { Gateway } from '@tsunagi/gateway';
import { check } from './report.js';

export type Post = (query: string, variables?: Record<string, unknown>) => Promise<Record<string, unknown>>;

/** Posts as the demo admin; any GraphQL error stops the benchmark. */
export function adminPost(gateway: Pick<Gateway, 'url' | 'demo'>): Post {
  const token = gateway.demo!.adminToken;
  return async (query, variables = {}) => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
    check(!body.errors, `gateway answered errors: ${JSON.stringify(body.errors)}`);
    return body.data as Record<string, unknown>;
  };
}

/**
 * Creates pages until the demo organization has `pages` of them (mixed modes, round robin and locations), then
 * folds the page-count deltas as a running gateway's sweep does every 10 minutes (the benchmarks' gateways run
 * no sweep; unfolded, `totalCount` would sum one row per page created).
 */
export async function growDemoPages(gateway: Gateway, post: Post, pages: number): Promise<void> {
  const memberIds = Object.values(gateway.demo!.users).slice(0, 4);
  const existing = (await post('{ bookingPages(first: 100) { totalCount } }')) as {
    bookingPages: { totalCount: number };
  };
  for (let i = existing.bookingPages.totalCount; i < pages; i++) {
    await post(`mutation($input: CreateBookingPageInput!) { createBookingPage(input: $input) { id } }`, {
      input: {
        title: `Bench page ${i}`,
        memberIds: memberIds.slice(0, 1 + (i % memberIds.length)),
        mode: i % 2 ? 'ANY_MEMBER' : 'ALL_MEMBERS',
        roundRobin: i % 2 === 1,
        locations: i % 3 === 0 ? [] : [{ type: i % 3 === 1 ? 'ZOOM' : 'GOOGLE_MEET' }],
      },
    });
  }
  await compactPageCounts(gateway.database.db);
}
