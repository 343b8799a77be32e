// Loading pages as engine input, and storing what the engine decides, inside a service transaction.
import {
  type BookingPageEvaluation,
  type BookingPageInput,
  type ConnectionInput,
  evaluateBookingPage,
  evaluationsEqual,
  groupConnectionsByUser,
} from '@tsunagi/booking-rules';
import { and, asc, eq, exists, or, sql } from 'drizzle-orm';
import type { Transaction } from '../database.js';
import { Distinct } from '../distinct.js';
import type { EventCause, EventDraft, EventPayloads } from '../events.js';
import { inIds } from '../id-lists.js';
import {
  type BookingPageRow,
  bookingPageLocations,
  bookingPageMembers,
  bookingPages,
  type ConnectionRow,
  connections,
} from '../schema.js';

/** What one service call carries through its transaction. */
export class TxContext {
  readonly events: EventDraft[] = [];
  /** Pages whose own columns, members or locations this call changed: their version moves once. */
  readonly touchedPages = new Set<string>();
  /** Pages inserted by this call: stored at version 1, with no state-change event. */
  readonly createdPages = new Set<string>();

  constructor(
    readonly tx: Transaction,
    readonly organizationId: string,
    readonly now: Date,
    readonly cause: EventCause,
  ) {}

  emit(draft: EventDraft): void {
    this.events.push(draft);
  }
}

export interface LoadedPages {
  /** Locked, in id order. */
  pages: BookingPageRow[];
  inputs: Map<string, BookingPageInput>;
  connectionsByUser: Map<string, ConnectionInput[]>;
}

export function toConnectionInput(
  row: Pick<ConnectionRow, 'id' | 'userId' | 'provider' | 'status' | 'health' | 'lastError'>,
): ConnectionInput {
  const subReason = row.status === 'ERROR' ? row.lastError?.subReason : null;
  return {
    id: row.id,
    userId: row.userId,
    provider: row.provider,
    status: row.status,
    health: row.status === 'CONNECTED' && row.health !== 'BROKEN' ? row.health : undefined,
    // The plan names the failing check of an EXCHANGE calendar (FIX_INTEROP_SETTINGS) by it.
    ...(subReason === null || subReason === undefined ? {} : { errorSubReason: subReason }),
  };
}

/** Ids of the organization's pages that `userId` owns or is a member of. */
export async function pageIdsInvolvingUser(ctx: TxContext, userId: string): Promise<string[]> {
  const rows = await ctx.tx
    .select({ id: bookingPages.id })
    .from(bookingPages)
    .where(
      and(
        eq(bookingPages.organizationId, ctx.organizationId),
        or(
          eq(bookingPages.ownerId, userId),
          exists(
            ctx.tx
              .select({ one: bookingPageMembers.userId })
              .from(bookingPageMembers)
              .where(
                and(
                  eq(bookingPageMembers.bookingPageId, bookingPages.id),
                  eq(bookingPageMembers.userId, userId),
                ),
              ),
          ),
        ),
      ),
    );
  return rows.map((row) => row.id);
}

/** The pages as stored, in id order, without locking them (nothing about them changes). */
export async function readPages(ctx: TxContext, pageIds: readonly string[]): Promise<BookingPageRow[]> {
  if (pageIds.length === 0) return [];
  return ctx.tx
    .select()
    .from(bookingPages)
    .where(and(eq(bookingPages.organizationId, ctx.organizationId), inIds(bookingPages.id, pageIds)))
    .orderBy(asc(bookingPages.id));
}

/** Locks the pages (FOR UPDATE, in id order so concurrent calls never deadlock) and reads them as engine input. */
export async function loadPages(ctx: TxContext, pageIds: readonly string[]): Promise<LoadedPages> {
  const ids = [...new Set(pageIds)].sort();
  if (ids.length === 0) return { pages: [], inputs: new Map(), connectionsByUser: new Map() };
  const { tx } = ctx;
  const pages = await tx
    .select()
    .from(bookingPages)
    .where(and(eq(bookingPages.organizationId, ctx.organizationId), inIds(bookingPages.id, ids)))
    .orderBy(asc(bookingPages.id))
    .for('update');
  const members = await tx
    .select()
    .from(bookingPageMembers)
    .where(inIds(bookingPageMembers.bookingPageId, ids))
    .orderBy(asc(bookingPageMembers.bookingPageId), asc(bookingPageMembers.position));
  const locations = await tx
    .select({
      id: bookingPageLocations.id,
      bookingPageId: bookingPageLocations.bookingPageId,
      type: bookingPageLocations.type,
    })
    .from(bookingPageLocations)
    .where(inIds(bookingPageLocations.bookingPageId, ids))
    .orderBy(
      asc(bookingPageLocations.bookingPageId),
      asc(bookingPageLocations.position),
      asc(bookingPageLocations.id),
    );

  const userIds = new Set<string>();
  for (const page of pages) userIds.add(page.ownerId);
  for (const member of members) userIds.add(member.userId);
  const connectionRows = await tx
    .select({
      id: connections.id,
      userId: connections.userId,
      provider: connections.provider,
      status: connections.status,
      health: connections.health,
      lastError: connections.lastError,
    })
    .from(connections)
    .where(and(eq(connections.organizationId, ctx.organizationId), inIds(connections.userId, userIds)))
    .orderBy(asc(connections.id));

  // Grouped once (both lists arrive sorted by page): a filter per page would be quadratic in the page count.
  const memberIds = groupBy(
    members,
    (m) => m.bookingPageId,
    (m) => m.userId,
  );
  const locationsOf = groupBy(
    locations,
    (l) => l.bookingPageId,
    ({ id, type }) => ({ id, type }),
  );
  const inputs = new Map<string, BookingPageInput>();
  for (const page of pages) {
    inputs.set(page.id, {
      id: page.id,
      ownerId: page.ownerId,
      memberIds: memberIds.get(page.id) ?? [],
      mode: page.mode,
      roundRobin: page.roundRobin,
      enabled: page.enabled,
      locations: locationsOf.get(page.id) ?? [],
    });
  }
  return { pages, inputs, connectionsByUser: groupConnectionsByUser(connectionRows.map(toConnectionInput)) };
}

function groupBy<T, V>(rows: readonly T[], key: (row: T) => string, value: (row: T) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group === undefined) groups.set(key(row), [value(row)]);
    else group.push(value(row));
  }
  return groups;
}

/** The evaluation a page row stores, shaped as the engine returns it. */
export function storedEvaluation(page: BookingPageRow): BookingPageEvaluation {
  return {
    pageId: page.id,
    rule: page.appliedRule,
    state: page.state,
    acceptingBookings: page.acceptingBookings,
    reasons: page.reasons,
    plan: page.plan,
    eligibleHostIds: page.eligibleHostIds,
    usableLocationIds: page.usableLocationIds,
    warnings: page.warnings,
  };
}

/**
 * The engine's evaluations as they will read back from jsonb (which drops `undefined` members), each distinct one
 * kept once. In a fan-out most pages get the same evaluation apart from their id: its body is parsed once, the
 * pages share it, and `storeEvaluations` sends it once (issue 15 §2).
 */
class DistinctEvaluations {
  /** Each distinct body (the evaluation without `pageId`): its JSON, and that JSON read back. */
  readonly #bodies = new Distinct<string, { json: string; body: Omit<BookingPageEvaluation, 'pageId'> }>();

  /** The evaluation as stored, and the number of its body. */
  add(evaluation: BookingPageEvaluation): { stored: BookingPageEvaluation; index: number } {
    const { pageId, ...body } = evaluation;
    const json = JSON.stringify(body);
    const index = this.#bodies.numberOf(json, () => ({
      json,
      body: JSON.parse(json) as Omit<BookingPageEvaluation, 'pageId'>,
    }));
    return { stored: { pageId, ...(this.#bodies.values[index]?.body as typeof body) }, index };
  }

  /** The JSON of body number `index`. */
  json(index: number): string {
    return this.#bodies.values[index]?.json as string;
  }
}

/** What a page row holds between its insert and its first evaluation, later in the same transaction. */
export function placeholderEvaluation() {
  return {
    appliedRule: 'ALL_MEMBERS' as const,
    state: 'INACTIVE' as const,
    acceptingBookings: false,
    reasons: [],
    plan: [],
    eligibleHostIds: [],
    usableLocationIds: [],
    warnings: [],
  };
}

export function evaluationColumns(evaluation: BookingPageEvaluation) {
  return {
    appliedRule: evaluation.rule,
    state: evaluation.state,
    acceptingBookings: evaluation.acceptingBookings,
    reasons: evaluation.reasons,
    plan: evaluation.plan,
    eligibleHostIds: [...evaluation.eligibleHostIds],
    usableLocationIds: [...evaluation.usableLocationIds],
    warnings: evaluation.warnings,
  };
}

/** One page's new stored columns, as `storeEvaluations` sends them. */
interface EvaluationWrite {
  page: BookingPageRow;
  evaluation: BookingPageEvaluation;
  /** The index of the evaluation's body in the call's `DistinctEvaluations`. */
  body: number;
  stateChangedAt: Date;
  version: number;
}

/**
 * Stores the evaluations of many pages in one statement, whatever their number (one UPDATE per page made a break
 * of a calendar shared by 10,000 pages 10,000 round trips, issue 15 §2). Two jsonb parameters, so no cap on the
 * row count: each distinct evaluation body once, and per page only its id, the index of its body, its version
 * and stateChangedAt; Postgres joins them. Sending every page's full evaluation, 10,000 copies of the same
 * reasons and plan, cost more to serialize, bind and unpack than the UPDATE itself. Only the column Postgres
 * computes comes back (`listRank`): the rest of each row is what was sent.
 */
async function storeEvaluations(
  ctx: TxContext,
  evaluations: DistinctEvaluations,
  writes: readonly EvaluationWrite[],
): Promise<BookingPageRow[]> {
  if (writes.length === 0) return [];
  // Only the bodies the writes use, renumbered: most of a re-evaluation may change nothing.
  const sent = new Distinct<number, string>();
  const rows = writes.map(({ page, body, stateChangedAt, version }) => ({
    id: page.id,
    // WITH ORDINALITY counts from 1.
    body: sent.numberOf(body, () => evaluations.json(body)) + 1,
    version,
    stateChangedAt: stateChangedAt.toISOString(),
  }));
  const bodies = `[${sent.values.join(',')}]`;
  const updated = await ctx.tx
    .update(bookingPages)
    .set({
      appliedRule: sql`e.rule`,
      state: sql`e.state`,
      acceptingBookings: sql`e."acceptingBookings"`,
      reasons: sql`e.reasons`,
      plan: sql`e.plan`,
      eligibleHostIds: sql`e."eligibleHostIds"`,
      usableLocationIds: sql`e."usableLocationIds"`,
      warnings: sql`e.warnings`,
      stateChangedAt: sql`w."stateChangedAt"`,
      version: sql`w.version`,
      updatedAt: ctx.now,
    })
    .from(
      sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          AS w(id text, body integer, version integer, "stateChangedAt" timestamptz)
        JOIN ROWS FROM (jsonb_to_recordset(${bodies}::jsonb) AS (
          rule booking_page_rule, state booking_page_state, "acceptingBookings" boolean, reasons jsonb, plan jsonb,
          "eligibleHostIds" text[], "usableLocationIds" text[], warnings jsonb)) WITH ORDINALITY
          AS e(rule, state, "acceptingBookings", reasons, plan, "eligibleHostIds", "usableLocationIds", warnings, position)
        ON e.position = w.body`,
    )
    .where(and(eq(bookingPages.organizationId, ctx.organizationId), eq(bookingPages.id, sql`w.id`)))
    .returning({ id: bookingPages.id, listRank: bookingPages.listRank });
  if (updated.length !== writes.length) throw new Error('A page vanished under its lock');
  const listRanks = new Map(updated.map((row) => [row.id, row.listRank]));
  return writes.map(({ page, evaluation, stateChangedAt, version }) => ({
    ...page,
    ...evaluationColumns(evaluation),
    listRank: listRanks.get(page.id) ?? page.listRank,
    stateChangedAt,
    version,
    updatedAt: ctx.now,
  }));
}

/**
 * Re-evaluates the pages with everything this transaction has written so far and stores the outcome.
 * A page's version moves once if this call touched it or its evaluation changed; a state change appends
 * BOOKING_PAGE_STATE_CHANGED, any other change of the evaluation BOOKING_PAGE_EVALUATION_CHANGED.
 * Returns the pages, current, in id order.
 */
export async function reevaluatePages(
  ctx: TxContext,
  pageIds: readonly string[],
  causeConnectionId: string | null,
): Promise<BookingPageRow[]> {
  const { pages, inputs, connectionsByUser } = await loadPages(ctx, pageIds);
  const evaluations = new DistinctEvaluations();
  const writes: EvaluationWrite[] = [];
  // Pages with the same evaluation (and, for a state change, the same former state) share one event payload,
  // which appendEvents then serializes once.
  const statePayloads = new Distinct<string, EventPayloads['BOOKING_PAGE_STATE_CHANGED']>();
  const evaluationPayloads = new Distinct<number, EventPayloads['BOOKING_PAGE_EVALUATION_CHANGED']>();
  for (const page of pages) {
    const input = inputs.get(page.id);
    if (input === undefined) throw new Error(`Page ${page.id} was loaded without its input`);
    const { stored: evaluation, index: body } = evaluations.add(
      evaluateBookingPage(input, connectionsByUser),
    );
    const created = ctx.createdPages.has(page.id);
    const changed = created || !evaluationsEqual(storedEvaluation(page), evaluation);
    if (!changed && !ctx.touchedPages.has(page.id)) continue;
    const stateChanged = created || evaluation.state !== page.state;
    writes.push({
      page,
      evaluation,
      body,
      stateChangedAt: stateChanged ? ctx.now : page.stateChangedAt,
      version: created ? page.version : page.version + 1,
    });
    if (created || !changed) continue;
    if (evaluation.state !== page.state) {
      const payload = statePayloads.valueOf(`${body}:${page.state}`, () => ({
        from: page.state,
        to: evaluation.state,
        acceptingBookings: evaluation.acceptingBookings,
        reasons: evaluation.reasons,
        cause: ctx.cause,
        causeConnectionId,
      }));
      ctx.emit({ type: 'BOOKING_PAGE_STATE_CHANGED', bookingPageId: page.id, userId: page.ownerId, payload });
    } else {
      const payload = evaluationPayloads.valueOf(body, () => ({
        state: evaluation.state,
        acceptingBookings: evaluation.acceptingBookings,
        reasons: evaluation.reasons,
        eligibleHostIds: [...evaluation.eligibleHostIds],
        cause: ctx.cause,
        causeConnectionId,
      }));
      ctx.emit({
        type: 'BOOKING_PAGE_EVALUATION_CHANGED',
        bookingPageId: page.id,
        userId: page.ownerId,
        payload,
      });
    }
  }
  const stored = new Map((await storeEvaluations(ctx, evaluations, writes)).map((row) => [row.id, row]));
  return pages.map((page) => stored.get(page.id) ?? page);
}
