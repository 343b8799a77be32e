// Booking pages: create, edit, locations, owner, enabled, and refreshing every evaluation. Each operation is
// one transaction of the shared runner that re-evaluates the page it changed.
import { and, asc, count, eq, like, max, ne, or } from 'drizzle-orm';
import type { BookingPageField, EventPayloads } from '../events.js';
import { newId } from '../ids.js';
import type { Result } from '../result.js';
import {
  type BookingPageLocationRow,
  type BookingPageMode,
  type BookingPageRow,
  bookingPageLocations,
  bookingPageMembers,
  bookingPages,
  type LocationType,
} from '../schema.js';
import { placeholderEvaluation, reevaluatePages, type TxContext } from './page-evaluation.js';
import {
  type Actor,
  abort,
  badInput,
  canManageUser,
  lockUsers,
  openPage,
  type TransactionRunner,
} from './runner.js';
import {
  checkLocation,
  checkMembers,
  checkModeAndRoundRobin,
  checkSlug,
  checkTitle,
  INPUT_LIMITS as LIMITS,
  type LocationDraft,
  slugify,
} from './validation.js';

export interface LocationInputDraft {
  type: LocationType;
  /** Defaults to the type's name ("Zoom", "In person"…). */
  label?: string;
  /** Address, phone number or URL for IN_PERSON, PHONE, CUSTOM_URL; none for conferencing types. */
  value?: string | null;
}

export interface CreateBookingPageInput {
  title: string;
  /** Derived from the title when omitted. */
  slug?: string;
  /** Defaults to the acting user. */
  ownerId?: string;
  /** Defaults to `[ownerId]`. */
  memberIds?: string[];
  mode?: BookingPageMode;
  roundRobin?: boolean;
  enabled?: boolean;
  locations?: LocationInputDraft[];
}

export interface UpdateBookingPageInput {
  title?: string;
  slug?: string;
  memberIds?: string[];
  mode?: BookingPageMode;
  roundRobin?: boolean;
  /** Optimistic concurrency: CONFLICT unless the page is still at this version. */
  expectedVersion?: number;
}

export interface PageOperations {
  createBookingPage(actor: Actor, input: CreateBookingPageInput): Promise<Result<BookingPageRow>>;
  updateBookingPage(
    actor: Actor,
    pageId: string,
    input: UpdateBookingPageInput,
  ): Promise<Result<BookingPageRow>>;
  addLocation(
    actor: Actor,
    pageId: string,
    input: LocationInputDraft,
  ): Promise<Result<{ page: BookingPageRow; location: BookingPageLocationRow }>>;
  removeLocation(actor: Actor, locationId: string): Promise<Result<BookingPageRow>>;
  removeAllLocations(actor: Actor, pageId: string): Promise<Result<BookingPageRow>>;
  changeOwner(actor: Actor, pageId: string, newOwnerId: string): Promise<Result<BookingPageRow>>;
  setBookingPageEnabled(actor: Actor, pageId: string, enabled: boolean): Promise<Result<BookingPageRow>>;
  /** Re-evaluates every page of the organization (e.g. after an engine upgrade). ADMIN or SYSTEM. */
  refreshEvaluations(actor: Actor): Promise<Result<BookingPageRow[]>>;
}

export async function slugTaken(ctx: TxContext, slug: string, exceptPageId: string | null): Promise<boolean> {
  const [row] = await ctx.tx
    .select({ id: bookingPages.id })
    .from(bookingPages)
    .where(
      and(
        eq(bookingPages.organizationId, ctx.organizationId),
        eq(bookingPages.slug, slug),
        exceptPageId === null ? undefined : ne(bookingPages.id, exceptPageId),
      ),
    );
  return row !== undefined;
}

/** `base`, or `base-2`, `base-3`… whichever is free first. */
export async function freeSlug(ctx: TxContext, base: string): Promise<string> {
  const rows = await ctx.tx
    .select({ slug: bookingPages.slug })
    .from(bookingPages)
    .where(
      and(
        eq(bookingPages.organizationId, ctx.organizationId),
        or(eq(bookingPages.slug, base), like(bookingPages.slug, `${base}-%`)),
      ),
    );
  const taken = new Set(rows.map((row) => row.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, LIMITS.slugLength - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export async function pageMembers(ctx: TxContext, pageId: string): Promise<string[]> {
  const rows = await ctx.tx
    .select({ userId: bookingPageMembers.userId })
    .from(bookingPageMembers)
    .where(eq(bookingPageMembers.bookingPageId, pageId))
    .orderBy(asc(bookingPageMembers.position));
  return rows.map((row) => row.userId);
}

export async function insertLocations(
  ctx: TxContext,
  pageId: string,
  drafts: readonly LocationDraft[],
  from: number,
) {
  if (drafts.length === 0) return [];
  return ctx.tx
    .insert(bookingPageLocations)
    .values(
      drafts.map((draft, i) => ({
        id: newId('loc'),
        bookingPageId: pageId,
        ...draft,
        position: from + i,
        createdAt: ctx.now,
      })),
    )
    .returning();
}

/** Records a page edit made in this transaction, then re-evaluates the page. */
export async function finishPageEdit(
  ctx: TxContext,
  page: BookingPageRow,
  fields: BookingPageField[],
  details: Pick<
    EventPayloads['BOOKING_PAGE_UPDATED'],
    'previousOwnerId' | 'addedMemberIds' | 'addedLocationIds' | 'removedLocationIds'
  > = {},
): Promise<BookingPageRow> {
  ctx.touchedPages.add(page.id);
  ctx.emit({
    type: 'BOOKING_PAGE_UPDATED',
    bookingPageId: page.id,
    userId: page.ownerId,
    payload: { fields, cause: ctx.cause, ...details },
  });
  const [updated] = await reevaluatePages(ctx, [page.id], null);
  if (updated === undefined) throw new Error(`Page ${page.id} vanished under its lock`);
  return updated;
}

export function checkedLocation(input: LocationInputDraft, field: string): LocationDraft {
  const checked = checkLocation(input, field);
  return 'field' in checked ? badInput(checked) : checked;
}

export function pageOperations(runner: TransactionRunner): PageOperations {
  const { run } = runner;
  return {
    createBookingPage(actor, input) {
      return run(actor, 'createBookingPage', async (ctx) => {
        const ownerId = input.ownerId ?? (actor.role === 'SYSTEM' ? undefined : actor.userId);
        if (ownerId === undefined) return abort('BAD_USER_INPUT', 'ownerId is required', 'ownerId');
        const memberIds = input.memberIds ?? [ownerId];
        const mode = input.mode ?? 'ALL_MEMBERS';
        const roundRobin = input.roundRobin ?? false;
        const enabled = input.enabled ?? true;
        for (const error of [
          checkTitle(input.title),
          input.slug === undefined ? null : checkSlug(input.slug),
          checkMembers(memberIds),
          checkModeAndRoundRobin(mode, roundRobin),
        ]) {
          if (error !== null) badInput(error);
        }
        if (typeof enabled !== 'boolean') abort('BAD_USER_INPUT', 'enabled is a boolean', 'enabled');
        const locationInputs = input.locations ?? [];
        if (locationInputs.length > LIMITS.locationsPerPage) {
          abort('BAD_USER_INPUT', `A page has at most ${LIMITS.locationsPerPage} locations`, 'locations');
        }
        const locations = locationInputs.map((location, i) => checkedLocation(location, `locations.${i}`));
        if (!canManageUser(actor, ownerId)) return abort('FORBIDDEN', 'Members create pages they own');

        await lockUsers(ctx, [ownerId, ...memberIds]);
        let slug: string;
        if (input.slug === undefined) slug = await freeSlug(ctx, slugify(input.title));
        else if (await slugTaken(ctx, input.slug, null))
          return abort('CONFLICT', `Slug "${input.slug}" is taken`, 'slug');
        else slug = input.slug;
        const id = newId('pg');
        await ctx.tx.insert(bookingPages).values({
          id,
          organizationId: ctx.organizationId,
          title: input.title,
          slug,
          ownerId,
          mode,
          roundRobin,
          enabled,
          // Replaced by the first evaluation, below in this transaction.
          ...placeholderEvaluation(),
          stateChangedAt: ctx.now,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        await ctx.tx
          .insert(bookingPageMembers)
          .values(memberIds.map((userId, position) => ({ bookingPageId: id, userId, position })));
        await insertLocations(ctx, id, locations, 0);
        ctx.createdPages.add(id);
        const [page] = await reevaluatePages(ctx, [id], null);
        if (page === undefined) throw new Error(`Page ${id} vanished in its own transaction`);
        ctx.emit({
          type: 'BOOKING_PAGE_CREATED',
          bookingPageId: id,
          userId: ownerId,
          payload: { title: page.title, slug, state: page.state, acceptingBookings: page.acceptingBookings },
        });
        return page;
      });
    },

    updateBookingPage(actor, pageId, input) {
      return run(actor, 'updateBookingPage', async (ctx) => {
        for (const error of [
          input.title === undefined ? null : checkTitle(input.title),
          input.slug === undefined ? null : checkSlug(input.slug),
          input.memberIds === undefined ? null : checkMembers(input.memberIds),
        ]) {
          if (error !== null) badInput(error);
        }
        const page = await openPage(ctx, actor, pageId, input.memberIds ?? []);
        if (input.expectedVersion !== undefined && input.expectedVersion !== page.version) {
          abort(
            'CONFLICT',
            `The page is at version ${page.version}, not ${input.expectedVersion}`,
            'expectedVersion',
          );
        }
        const mode = input.mode ?? page.mode;
        const roundRobin = input.roundRobin ?? page.roundRobin;
        const modeError = checkModeAndRoundRobin(mode, roundRobin);
        if (modeError !== null) badInput(modeError);

        const fields: BookingPageField[] = [];
        const set: Partial<typeof bookingPages.$inferInsert> = {};
        if (input.title !== undefined && input.title !== page.title) {
          set.title = input.title;
          fields.push('title');
        }
        if (input.slug !== undefined && input.slug !== page.slug) {
          if (await slugTaken(ctx, input.slug, page.id))
            abort('CONFLICT', `Slug "${input.slug}" is taken`, 'slug');
          set.slug = input.slug;
          fields.push('slug');
        }
        if (mode !== page.mode) {
          set.mode = mode;
          fields.push('mode');
        }
        if (roundRobin !== page.roundRobin) {
          set.roundRobin = roundRobin;
          fields.push('roundRobin');
        }
        const membersChanged =
          input.memberIds !== undefined &&
          (await pageMembers(ctx, page.id)).join('\n') !== input.memberIds.join('\n');
        if (membersChanged) fields.push('memberIds');
        if (fields.length === 0) return page;

        if (Object.keys(set).length > 0) {
          await ctx.tx.update(bookingPages).set(set).where(eq(bookingPages.id, page.id));
        }
        if (membersChanged && input.memberIds !== undefined) {
          await ctx.tx.delete(bookingPageMembers).where(eq(bookingPageMembers.bookingPageId, page.id));
          await ctx.tx
            .insert(bookingPageMembers)
            .values(
              input.memberIds.map((userId, position) => ({ bookingPageId: page.id, userId, position })),
            );
        }
        return finishPageEdit(ctx, page, fields);
      });
    },

    addLocation(actor, pageId, input) {
      return run(actor, 'addLocation', async (ctx) => {
        const draft = checkedLocation(input, 'location');
        const page = await openPage(ctx, actor, pageId);
        const [{ existing, last } = { existing: 0, last: null }] = await ctx.tx
          .select({ existing: count(), last: max(bookingPageLocations.position) })
          .from(bookingPageLocations)
          .where(eq(bookingPageLocations.bookingPageId, page.id));
        if (existing >= LIMITS.locationsPerPage) {
          abort('BAD_USER_INPUT', `A page has at most ${LIMITS.locationsPerPage} locations`, 'location');
        }
        const [location] = await insertLocations(ctx, page.id, [draft], (last ?? -1) + 1);
        if (location === undefined) throw new Error('Insert returned no location');
        const updated = await finishPageEdit(ctx, page, ['locations'], { addedLocationIds: [location.id] });
        return { page: updated, location };
      });
    },

    removeLocation(actor, locationId) {
      return run(actor, 'removeLocation', async (ctx) => {
        const [peek] = await ctx.tx
          .select({ pageId: bookingPageLocations.bookingPageId })
          .from(bookingPageLocations)
          .innerJoin(bookingPages, eq(bookingPages.id, bookingPageLocations.bookingPageId))
          .where(
            and(eq(bookingPages.organizationId, ctx.organizationId), eq(bookingPageLocations.id, locationId)),
          );
        if (peek === undefined) return abort('NOT_FOUND', `No location ${locationId}`);
        const page = await openPage(ctx, actor, peek.pageId);
        const removed = await ctx.tx
          .delete(bookingPageLocations)
          .where(
            and(eq(bookingPageLocations.bookingPageId, page.id), eq(bookingPageLocations.id, locationId)),
          )
          .returning({ id: bookingPageLocations.id });
        if (removed.length === 0) return abort('NOT_FOUND', `No location ${locationId}`);
        return finishPageEdit(ctx, page, ['locations'], { removedLocationIds: [locationId] });
      });
    },

    removeAllLocations(actor, pageId) {
      return run(actor, 'removeAllLocations', async (ctx) => {
        const page = await openPage(ctx, actor, pageId);
        const removed = await ctx.tx
          .delete(bookingPageLocations)
          .where(eq(bookingPageLocations.bookingPageId, page.id))
          .returning({ id: bookingPageLocations.id, position: bookingPageLocations.position });
        if (removed.length === 0) return page;
        removed.sort((a, b) => a.position - b.position);
        return finishPageEdit(ctx, page, ['locations'], { removedLocationIds: removed.map((r) => r.id) });
      });
    },

    changeOwner(actor, pageId, newOwnerId) {
      return run(actor, 'changeOwner', async (ctx) => {
        if (typeof newOwnerId !== 'string' || newOwnerId.length === 0) {
          abort('BAD_USER_INPUT', 'newOwnerId is required', 'newOwnerId');
        }
        const page = await openPage(ctx, actor, pageId, [newOwnerId]);
        if (page.ownerId === newOwnerId) return page;
        // The owner is always a member: a new owner who was not one joins, at the end of the list.
        const members = await pageMembers(ctx, page.id);
        const joins = !members.includes(newOwnerId);
        if (joins && members.length >= LIMITS.membersPerPage) {
          abort('BAD_USER_INPUT', `A page has at most ${LIMITS.membersPerPage} members`, 'userId');
        }
        await ctx.tx.update(bookingPages).set({ ownerId: newOwnerId }).where(eq(bookingPages.id, page.id));
        if (!joins) return finishPageEdit(ctx, page, ['ownerId'], { previousOwnerId: page.ownerId });
        await ctx.tx
          .insert(bookingPageMembers)
          .values({ bookingPageId: page.id, userId: newOwnerId, position: members.length });
        return finishPageEdit(ctx, page, ['ownerId', 'memberIds'], {
          previousOwnerId: page.ownerId,
          addedMemberIds: [newOwnerId],
        });
      });
    },

    setBookingPageEnabled(actor, pageId, enabled) {
      return run(actor, 'setBookingPageEnabled', async (ctx) => {
        if (typeof enabled !== 'boolean') abort('BAD_USER_INPUT', 'enabled is a boolean', 'enabled');
        const page = await openPage(ctx, actor, pageId);
        if (page.enabled === enabled) return page;
        await ctx.tx.update(bookingPages).set({ enabled }).where(eq(bookingPages.id, page.id));
        return finishPageEdit(ctx, page, ['enabled']);
      });
    },

    refreshEvaluations(actor) {
      return run(actor, 'refreshEvaluations', async (ctx) => {
        if (actor.role === 'MEMBER') abort('FORBIDDEN', 'Only admins refresh every page');
        const rows = await ctx.tx
          .select({ id: bookingPages.id })
          .from(bookingPages)
          .where(eq(bookingPages.organizationId, ctx.organizationId));
        return reevaluatePages(
          ctx,
          rows.map((row) => row.id),
          null,
        );
      });
    },
  };
}
