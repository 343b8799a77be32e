// Directory sync: the product pushes its people and booking pages, keyed by its own external ids, in bulk.
// One call is one transaction of the shared runner: every row is checked first and any refusal rolls the call
// back with every row error; otherwise the rows are written with set-based statements, exactly the affected
// pages are re-evaluated once, and the events are appended. Lock order: runner.ts (directory lock first).
import { and, asc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import { type ConnectionCredentials, readCredentials } from '../credentials.js';
import type { BookingPageField } from '../events.js';
import { newId } from '../ids.js';
import type { Result } from '../result.js';
import {
  type BookingPageRow,
  bookingPageLocations,
  bookingPageMembers,
  bookingPages,
  type ConnectionProvider,
  type ConnectionRow,
  connections,
  type UserRow,
  users,
} from '../schema.js';
import { unlinkInTransaction } from './connection-operations.js';
import {
  type CheckedPage,
  checkExternalId,
  checkPageRow,
  checkUserRow,
  DIRECTORY_LISTS,
  DIRECTORY_SYNC_MODES,
  type DirectoryList,
  type DirectoryRowError,
  type DirectoryRowErrorCode,
  type DirectorySyncInput,
  type DirectoryUser,
} from './directory-rows.js';
import {
  pageIdsInvolvingUser,
  placeholderEvaluation,
  reevaluatePages,
  type TxContext,
} from './page-evaluation.js';
import { type Actor, abort, lockUsers, rollBackWith, type TransactionRunner } from './runner.js';
import { INPUT_LIMITS, type LocationDraft, slugify } from './validation.js';

export interface DirectorySyncCounts {
  usersCreated: number;
  usersUpdated: number;
  usersUnchanged: number;
  usersDeleted: number;
  pagesCreated: number;
  pagesUpdated: number;
  pagesUnchanged: number;
  pagesDeleted: number;
  /** Pages whose evaluation was recomputed: created, changed in what the engine reads, or left by a member. */
  pagesReevaluated: number;
}

/** A connection a removed person had: its grant is revoked at the provider after the commit. */
export interface UnlinkedConnection {
  connectionId: string;
  userId: string;
  provider: ConnectionProvider;
  /** Decrypted, read just before they were deleted; for revocation only, never to be shown or logged. */
  credentials: ConnectionCredentials | null;
}

export interface ExternalIdMapping {
  externalId: string;
  id: string;
}

export interface DirectorySyncResult {
  /** True when the call committed; false for a dry run and for a call with row errors. */
  applied: boolean;
  dryRun: boolean;
  /** Every refused row; when there is any, nothing changed and the counts are zero. */
  errors: DirectoryRowError[];
  counts: DirectorySyncCounts;
  /** Tsunagi's ids of the call's rows (a dry run's new ids are the ones it would have used). */
  users: ExternalIdMapping[];
  pages: ExternalIdMapping[];
  /** Empty unless applied. */
  unlinkedConnections: UnlinkedConnection[];
}

export interface DirectoryOperations {
  /** ADMIN or SYSTEM (the gateway's SERVICE credentials act as their organization's system actor). */
  syncDirectory(actor: Actor, input: DirectorySyncInput): Promise<Result<DirectorySyncResult>>;
}

// Namespace for pg_advisory_xact_lock(int, int) (events.ts uses 7_453_002); the second int is the organization.
const DIRECTORY_SYNC_LOCK = 7_453_003;
/** Rows per statement: a statement's bind parameters are capped at 65,535. */
const SLICE = 500;

const NO_COUNTS: DirectorySyncCounts = {
  usersCreated: 0,
  usersUpdated: 0,
  usersUnchanged: 0,
  usersDeleted: 0,
  pagesCreated: 0,
  pagesUpdated: 0,
  pagesUnchanged: 0,
  pagesDeleted: 0,
  pagesReevaluated: 0,
};

function slices<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += SLICE) out.push(rows.slice(i, i + SLICE));
  return out;
}

const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** A removal's origin: a row of a delete list, or FULL mode (no row). */
interface Removal {
  list: DirectoryList;
  index: number | null;
  externalId: string;
}

function checkLists(input: DirectorySyncInput): void {
  if (!(DIRECTORY_SYNC_MODES as readonly unknown[]).includes(input.mode)) {
    abort('BAD_USER_INPUT', 'mode is UPSERT or FULL', 'mode');
  }
  if (input.dryRun !== undefined && typeof input.dryRun !== 'boolean') {
    abort('BAD_USER_INPUT', 'dryRun is a boolean', 'dryRun');
  }
  // FULL reads an omitted list as a mistake, not as "nobody": only an explicit empty list removes everyone.
  if (input.mode === 'FULL' && (input.users === undefined || input.pages === undefined)) {
    abort(
      'BAD_USER_INPUT',
      'A FULL sync sends both complete lists, users and pages (empty lists remove all)',
    );
  }
  const lists = {
    users: input.users,
    pages: input.pages,
    deleteUsers: input.deleteUsers,
    deletePages: input.deletePages,
  };
  for (const [field, list] of Object.entries(lists)) {
    if (list === undefined) continue;
    if (!Array.isArray(list)) abort('BAD_USER_INPUT', `${field} is a list`, field);
    else if (list.length > INPUT_LIMITS.directoryRowsPerList) {
      abort(
        'BAD_USER_INPUT',
        `${field} has at most ${INPUT_LIMITS.directoryRowsPerList} rows per call`,
        field,
      );
    }
  }
}

const sameLocations = (
  stored: readonly { type: string; label: string; value: string | null }[],
  next: readonly LocationDraft[],
) =>
  stored.length === next.length &&
  stored.every(
    (l, i) => l.type === next[i]?.type && l.label === next[i]?.label && l.value === next[i]?.value,
  );

/** `base`, or `base-2`, `base-3`… whichever is not in `taken` (page-operations' freeSlug, in memory). */
function freeSlugIn(taken: ReadonlySet<string>, base: string): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, INPUT_LIMITS.slugLength - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

const values = (rows: readonly (readonly (string | null)[])[]): SQL =>
  sql.join(
    rows.map(
      (row) =>
        sql`(${sql.join(
          row.map((v) => sql`${v}::text`),
          sql`, `,
        )})`,
    ),
    sql`, `,
  );

async function sync(ctx: TxContext, keyring: TransactionRunner['keyring'], input: DirectorySyncInput) {
  checkLists(input);
  const { tx, organizationId } = ctx;
  const full = input.mode === 'FULL';
  const userRows = input.users ?? [];
  const pageRows = input.pages ?? [];
  const errors: DirectoryRowError[] = [];
  const refuse = (
    list: DirectoryList,
    index: number | null,
    externalId: string | null,
    code: DirectoryRowErrorCode,
    message: string,
    field: string | null = null,
  ) => void errors.push({ list, index, externalId, field, code, message });

  await tx.execute(sql`SELECT pg_advisory_xact_lock(${DIRECTORY_SYNC_LOCK}, hashtext(${organizationId}))`);

  // People: each row on its own, then against the other rows.
  const callUsers: (DirectoryUser & { index: number })[] = [];
  const userRowByExternalId = new Map<string, number>();
  const userRowByEmail = new Map<string, number>();
  // The first row with an external id claims it (even a row refused for another reason); later ones repeat it.
  const repeats = (seen: Map<string, number>, list: DirectoryList, index: number, externalId: unknown) => {
    if (typeof externalId !== 'string' || checkExternalId(externalId) !== null) return false;
    const first = seen.get(externalId);
    if (first === undefined) {
      seen.set(externalId, index);
      return false;
    }
    refuse(
      list,
      index,
      externalId,
      'DUPLICATE_EXTERNAL_ID',
      `Row ${first} has this external id`,
      'externalId',
    );
    return true;
  };
  for (const [index, row] of userRows.entries()) {
    if (repeats(userRowByExternalId, 'USERS', index, row.externalId)) continue;
    const error = checkUserRow(row);
    if (error !== null) {
      refuse('USERS', index, textOrNull(row.externalId), 'INVALID', error.message, error.field);
      continue;
    }
    const externalId = row.externalId;
    const sameEmail = userRowByEmail.get(row.email);
    if (sameEmail !== undefined) {
      refuse(
        'USERS',
        index,
        externalId,
        'DUPLICATE_EMAIL',
        `Row ${sameEmail} has this e-mail address`,
        'email',
      );
      continue;
    }
    userRowByEmail.set(row.email, index);
    callUsers.push({ ...row, index });
  }

  const existingUsers = await tx.select().from(users).where(eq(users.organizationId, organizationId));
  const userByExternalId = new Map<string, UserRow>();
  const userByEmail = new Map<string, UserRow>();
  for (const user of existingUsers) {
    if (user.externalId !== null) userByExternalId.set(user.externalId, user);
    userByEmail.set(user.email, user);
  }

  const removals = new Map<string, Removal>();
  for (const [index, externalId] of (input.deleteUsers ?? []).entries()) {
    if (checkExternalId(externalId) !== null) {
      refuse('DELETE_USERS', index, textOrNull(externalId), 'INVALID', 'Not an external id');
      continue;
    }
    if (userRowByExternalId.has(externalId)) {
      refuse('DELETE_USERS', index, externalId, 'UPSERTED_AND_DELETED', 'The users list has this person too');
      continue;
    }
    const user = userByExternalId.get(externalId);
    if (user !== undefined && !removals.has(user.id))
      removals.set(user.id, { list: 'DELETE_USERS', index, externalId });
  }
  if (full) {
    for (const [externalId, user] of userByExternalId) {
      if (!userRowByExternalId.has(externalId) && !removals.has(user.id)) {
        removals.set(user.id, { list: 'USERS', index: null, externalId });
      }
    }
  }

  // An address may move between people of the call, or from a person who is removed; not from anyone else.
  const emailOfCallUser = new Map(callUsers.map((row) => [row.externalId, row.email]));
  for (const row of callUsers) {
    const holder = userByEmail.get(row.email);
    if (holder === undefined || holder.externalId === row.externalId || removals.has(holder.id)) continue;
    const movesAway = holder.externalId !== null && emailOfCallUser.has(holder.externalId);
    if (movesAway && emailOfCallUser.get(holder.externalId as string) !== row.email) continue;
    refuse(
      'USERS',
      row.index,
      row.externalId,
      'EMAIL_TAKEN',
      `Person ${holder.id} of the organization has this e-mail address`,
      'email',
    );
  }

  // Who the organization has after the call, by external id.
  const userIdByExternalId = new Map<string, string>();
  for (const [externalId, user] of userByExternalId) {
    if (!removals.has(user.id)) userIdByExternalId.set(externalId, user.id);
  }
  for (const row of callUsers) {
    userIdByExternalId.set(row.externalId, userByExternalId.get(row.externalId)?.id ?? newId('usr'));
  }
  const removedExternalIds = new Set([...removals.values()].map((r) => r.externalId));

  // Pages: each row on its own, then its people.
  const callPages: CheckedPage[] = [];
  const pageRowByExternalId = new Map<string, number>();
  for (const [index, row] of pageRows.entries()) {
    if (repeats(pageRowByExternalId, 'PAGES', index, row.externalId)) continue;
    const checked = checkPageRow(row, index);
    const externalId = textOrNull(row.externalId);
    if ('field' in checked) {
      refuse('PAGES', index, externalId, 'INVALID', checked.message, checked.field);
      continue;
    }
    let known = true;
    const unknown = (person: string, field: string) => {
      known = false;
      const why = removedExternalIds.has(person)
        ? 'is removed by this call'
        : 'is not a person of the organization';
      refuse('PAGES', index, externalId, 'UNKNOWN_USER', `${person} ${why}`, field);
    };
    if (!userIdByExternalId.has(checked.ownerExternalId)) unknown(checked.ownerExternalId, 'ownerExternalId');
    checked.memberExternalIds.forEach((member, i) => {
      if (member !== checked.ownerExternalId && !userIdByExternalId.has(member)) {
        unknown(member, `memberExternalIds.${i}`);
      }
    });
    if (known) callPages.push(checked);
  }

  // Lock the people the call changes, removes or puts on pages (1), then read the pages.
  const referenced = new Set<string>(removals.keys());
  for (const row of callUsers) {
    const user = userByExternalId.get(row.externalId);
    if (user !== undefined) referenced.add(user.id);
  }
  for (const page of callPages) {
    for (const member of page.memberExternalIds) {
      const user = userByExternalId.get(member);
      if (user !== undefined) referenced.add(user.id);
    }
  }
  await lockUsers(ctx, [...referenced]);

  const orgPages = await tx
    .select({
      id: bookingPages.id,
      externalId: bookingPages.externalId,
      slug: bookingPages.slug,
      ownerId: bookingPages.ownerId,
    })
    .from(bookingPages)
    .where(eq(bookingPages.organizationId, organizationId));
  const pageIdByExternalId = new Map<string, string>();
  for (const page of orgPages) if (page.externalId !== null) pageIdByExternalId.set(page.externalId, page.id);

  const deletedPageIds = new Set<string>();
  for (const [index, externalId] of (input.deletePages ?? []).entries()) {
    if (checkExternalId(externalId) !== null) {
      refuse('DELETE_PAGES', index, textOrNull(externalId), 'INVALID', 'Not an external id');
      continue;
    }
    if (pageRowByExternalId.has(externalId)) {
      refuse('DELETE_PAGES', index, externalId, 'UPSERTED_AND_DELETED', 'The pages list has this page too');
      continue;
    }
    const id = pageIdByExternalId.get(externalId);
    if (id !== undefined) deletedPageIds.add(id);
  }
  if (full) {
    for (const [externalId, id] of pageIdByExternalId)
      if (!pageRowByExternalId.has(externalId)) deletedPageIds.add(id);
  }

  // The removed people's live connections (2), then every page the call changes, deletes or takes a member
  // from (3), each group in id order.
  const removedIds = [...removals.keys()];
  const removedConnections: ConnectionRow[] =
    removedIds.length === 0
      ? []
      : await tx
          .select()
          .from(connections)
          .where(
            and(
              eq(connections.organizationId, organizationId),
              inArray(connections.userId, removedIds),
              ne(connections.status, 'DISCONNECTED'),
            ),
          )
          .orderBy(asc(connections.id))
          .for('update');
  const membershipsOfRemoved =
    removedIds.length === 0
      ? []
      : await tx
          .select({ pageId: bookingPageMembers.bookingPageId, userId: bookingPageMembers.userId })
          .from(bookingPageMembers)
          .where(inArray(bookingPageMembers.userId, removedIds));
  const involved = new Set<string>(deletedPageIds);
  for (const page of callPages) {
    const id = pageIdByExternalId.get(page.externalId);
    if (id !== undefined) involved.add(id);
  }
  for (const { pageId } of membershipsOfRemoved) involved.add(pageId);
  for (const page of orgPages) if (removals.has(page.ownerId)) involved.add(page.id);
  const involvedIds = [...involved].sort();
  const lockedPages = new Map<string, BookingPageRow>();
  const membersOf = new Map<string, string[]>();
  const locationsOf = new Map<string, { type: string; label: string; value: string | null }[]>();
  if (involvedIds.length > 0) {
    for (const ids of slices(involvedIds)) {
      const rows = await tx
        .select()
        .from(bookingPages)
        .where(and(eq(bookingPages.organizationId, organizationId), inArray(bookingPages.id, ids)))
        .orderBy(asc(bookingPages.id))
        .for('update');
      for (const row of rows) lockedPages.set(row.id, row);
    }
    const memberRows = await tx
      .select()
      .from(bookingPageMembers)
      .where(inArray(bookingPageMembers.bookingPageId, involvedIds))
      .orderBy(asc(bookingPageMembers.bookingPageId), asc(bookingPageMembers.position));
    for (const row of memberRows)
      membersOf.set(row.bookingPageId, [...(membersOf.get(row.bookingPageId) ?? []), row.userId]);
    const locationRows = await tx
      .select()
      .from(bookingPageLocations)
      .where(inArray(bookingPageLocations.bookingPageId, involvedIds))
      .orderBy(
        asc(bookingPageLocations.bookingPageId),
        asc(bookingPageLocations.position),
        asc(bookingPageLocations.id),
      );
    for (const row of locationRows) {
      const { type, label, value } = row;
      locationsOf.set(row.bookingPageId, [
        ...(locationsOf.get(row.bookingPageId) ?? []),
        { type, label, value },
      ]);
    }
  }

  // Slugs after the call: pages the call leaves alone keep theirs, then pages it keeps the slug of, then
  // the slugs it asks for; new pages without one get a free slug derived from the title below.
  const callPageIds = new Set(callPages.flatMap((page) => pageIdByExternalId.get(page.externalId) ?? []));
  const slugHolder = new Map<string, string>();
  for (const page of orgPages) {
    if (deletedPageIds.has(page.id) || callPageIds.has(page.id)) continue;
    slugHolder.set(lockedPages.get(page.id)?.slug ?? page.slug, `page ${page.id}`);
  }
  for (const page of callPages) {
    const id = pageIdByExternalId.get(page.externalId);
    const stored = id === undefined ? undefined : lockedPages.get(id);
    if (page.slug === null && stored !== undefined) slugHolder.set(stored.slug, `row ${page.index}`);
  }
  for (const page of callPages) {
    if (page.slug === null) continue;
    const holder = slugHolder.get(page.slug);
    if (holder !== undefined && holder !== `row ${page.index}`) {
      refuse(
        'PAGES',
        page.index,
        page.externalId,
        'SLUG_TAKEN',
        `The slug "${page.slug}" is taken (${holder})`,
        'slug',
      );
    } else slugHolder.set(page.slug, `row ${page.index}`);
  }

  // A removed person may own no page that stays, and no page may be left without members.
  const ownedPages = new Map<string, string[]>();
  for (const id of involvedIds) {
    const page = lockedPages.get(id);
    if (page === undefined || deletedPageIds.has(id) || callPageIds.has(id)) continue;
    if (removals.has(page.ownerId))
      ownedPages.set(page.ownerId, [...(ownedPages.get(page.ownerId) ?? []), page.slug]);
    else if ((membersOf.get(id) ?? []).every((member) => removals.has(member))) {
      const removal = removals.get((membersOf.get(id) ?? [])[0] ?? '');
      if (removal !== undefined) {
        refuse(
          removal.list,
          removal.index,
          removal.externalId,
          'LAST_MEMBER',
          `Page "${page.slug}" would have no member left`,
        );
      }
    }
  }
  for (const [userId, slugs] of ownedPages) {
    const removal = removals.get(userId) as Removal;
    const why = removal.index === null ? 'is not in the complete list but' : 'is deleted but';
    refuse(
      removal.list,
      removal.index,
      removal.externalId,
      'USER_OWNS_PAGES',
      `${removal.externalId} ${why} owns ${slugs.map((slug) => `"${slug}"`).join(', ')}: delete those pages or give them another owner in the same call`,
    );
  }

  const mapping = {
    users: callUsers.map((row) => ({
      externalId: row.externalId,
      id: userIdByExternalId.get(row.externalId) as string,
    })),
    pages: [] as { externalId: string; id: string }[],
  };
  if (errors.length > 0) {
    const listOrder = (list: DirectoryList) => DIRECTORY_LISTS.indexOf(list);
    errors.sort((a, b) => listOrder(a.list) - listOrder(b.list) || (a.index ?? -1) - (b.index ?? -1));
    return rollBackWith<DirectorySyncResult>({
      applied: false,
      dryRun: input.dryRun === true,
      errors,
      counts: NO_COUNTS,
      users: [],
      pages: [],
      unlinkedConnections: [],
    });
  }

  // Every row passed: write. Pages first go away (their members and locations cascade).
  const counts: DirectorySyncCounts = {
    ...NO_COUNTS,
    usersDeleted: removals.size,
    pagesDeleted: deletedPageIds.size,
  };
  for (const id of deletedPageIds) {
    const page = lockedPages.get(id);
    if (page === undefined) continue;
    ctx.emit({
      type: 'BOOKING_PAGE_DELETED',
      bookingPageId: id,
      userId: page.ownerId,
      payload: { externalId: page.externalId, title: page.title, slug: page.slug, cause: ctx.cause },
    });
  }
  for (const ids of slices([...deletedPageIds]))
    await tx.delete(bookingPages).where(inArray(bookingPages.id, ids));

  // People. Addresses that move are parked on the row's id first (never an address), so a swap between two
  // people, or taking over a removed person's address, never meets the unique index half way.
  const newUsers: (typeof users.$inferInsert)[] = [];
  const changedUsers: UserRow[] = [];
  for (const row of callUsers) {
    const stored = userByExternalId.get(row.externalId);
    if (stored === undefined) {
      newUsers.push({
        id: userIdByExternalId.get(row.externalId) as string,
        organizationId,
        externalId: row.externalId,
        name: row.name,
        email: row.email,
        role: row.role ?? 'MEMBER',
        locale: row.locale ?? null,
        createdAt: ctx.now,
      });
      continue;
    }
    const next = {
      ...stored,
      name: row.name,
      email: row.email,
      role: row.role ?? stored.role,
      locale: row.locale === undefined ? stored.locale : row.locale,
    };
    const same =
      next.name === stored.name &&
      next.email === stored.email &&
      next.role === stored.role &&
      next.locale === stored.locale;
    if (same) counts.usersUnchanged++;
    else changedUsers.push(next);
  }
  counts.usersCreated = newUsers.length;
  counts.usersUpdated = changedUsers.length;
  const parked = [
    ...removedIds,
    ...changedUsers
      .filter((user) => user.email !== userByExternalId.get(user.externalId as string)?.email)
      .map((u) => u.id),
  ];
  for (const ids of slices(parked))
    await tx
      .update(users)
      .set({ email: sql`${users.id}` })
      .where(inArray(users.id, ids));
  for (const rows of slices(changedUsers)) {
    await tx.execute(sql`
      UPDATE users AS u
      SET name = v.name, email = v.email, role = v.role::user_role, locale = v.locale::locale
      FROM (VALUES ${values(rows.map((u) => [u.id, u.name, u.email, u.role, u.locale]))}) AS v(id, name, email, role, locale)
      WHERE u.id = v.id AND u.organization_id = ${organizationId}`);
  }
  for (const rows of slices(newUsers)) await tx.insert(users).values(rows);

  // Pages: what changed on each, by the fields BOOKING_PAGE_UPDATED names.
  const takenSlugs = new Set(slugHolder.keys());
  const newPages: { page: CheckedPage; id: string; slug: string; ownerId: string; memberIds: string[] }[] =
    [];
  const changedPages: {
    stored: BookingPageRow;
    page: CheckedPage;
    slug: string;
    ownerId: string;
    memberIds: string[];
    fields: BookingPageField[];
    removedMemberIds: string[];
  }[] = [];
  const evaluated: ReadonlySet<BookingPageField> = new Set([
    'ownerId',
    'memberIds',
    'mode',
    'roundRobin',
    'enabled',
    'locations',
  ]);
  for (const page of callPages) {
    const ownerId = userIdByExternalId.get(page.ownerExternalId) as string;
    const memberIds = page.memberExternalIds.map((member) => userIdByExternalId.get(member) as string);
    const storedId = pageIdByExternalId.get(page.externalId);
    const stored = storedId === undefined ? undefined : lockedPages.get(storedId);
    if (stored === undefined) {
      const slug = page.slug ?? freeSlugIn(takenSlugs, slugify(page.title));
      takenSlugs.add(slug);
      newPages.push({ page, id: newId('pg'), slug, ownerId, memberIds });
      continue;
    }
    const slug = page.slug ?? stored.slug;
    const storedMembers = membersOf.get(stored.id) ?? [];
    const fields: BookingPageField[] = [];
    if (page.title !== stored.title) fields.push('title');
    if (slug !== stored.slug) fields.push('slug');
    if (ownerId !== stored.ownerId) fields.push('ownerId');
    if (memberIds.join('\n') !== storedMembers.join('\n')) fields.push('memberIds');
    if (page.mode !== stored.mode) fields.push('mode');
    if (page.roundRobin !== stored.roundRobin) fields.push('roundRobin');
    if (page.enabled !== stored.enabled) fields.push('enabled');
    if (!sameLocations(locationsOf.get(stored.id) ?? [], page.locations)) fields.push('locations');
    if (fields.length === 0) counts.pagesUnchanged++;
    else {
      const removedMemberIds = storedMembers.filter((member) => !memberIds.includes(member));
      changedPages.push({ stored, page, slug, ownerId, memberIds, fields, removedMemberIds });
    }
  }
  const newPageIds = new Map(newPages.map(({ page, id }) => [page.externalId, id]));
  mapping.pages = callPages.map((page) => ({
    externalId: page.externalId,
    id: pageIdByExternalId.get(page.externalId) ?? (newPageIds.get(page.externalId) as string),
  }));
  counts.pagesCreated = newPages.length;
  counts.pagesUpdated = changedPages.length;

  const movedSlugs = changedPages.filter((c) => c.fields.includes('slug')).map((c) => c.stored.id);
  for (const ids of slices(movedSlugs)) {
    await tx
      .update(bookingPages)
      .set({ slug: sql`${bookingPages.id}` })
      .where(inArray(bookingPages.id, ids));
  }
  for (const rows of slices(changedPages)) {
    // A page whose evaluation is recomputed moves its version there; one with only a new title or slug here.
    await tx.execute(sql`
      UPDATE booking_pages AS p
      SET title = v.title, slug = v.slug, owner_id = v.owner_id, mode = v.mode::booking_page_mode,
          round_robin = v.round_robin::boolean, enabled = v.enabled::boolean,
          version = p.version + v.bump::integer, updated_at = ${ctx.now.toISOString()}::timestamptz
      FROM (VALUES ${values(
        rows.map((c) => [
          c.stored.id,
          c.page.title,
          c.slug,
          c.ownerId,
          c.page.mode,
          String(c.page.roundRobin),
          String(c.page.enabled),
          c.fields.some((field) => evaluated.has(field)) ? '0' : '1',
        ]),
      )}) AS v(id, title, slug, owner_id, mode, round_robin, enabled, bump)
      WHERE p.id = v.id AND p.organization_id = ${organizationId}`);
  }
  const newMembers = changedPages.filter((c) => c.fields.includes('memberIds'));
  const newLocations = changedPages.filter((c) => c.fields.includes('locations'));
  for (const rows of slices(newMembers)) {
    await tx.delete(bookingPageMembers).where(
      inArray(
        bookingPageMembers.bookingPageId,
        rows.map((c) => c.stored.id),
      ),
    );
  }
  for (const rows of slices(newLocations)) {
    await tx.delete(bookingPageLocations).where(
      inArray(
        bookingPageLocations.bookingPageId,
        rows.map((c) => c.stored.id),
      ),
    );
  }
  for (const rows of slices(newPages)) {
    await tx.insert(bookingPages).values(
      rows.map(({ page, id, slug, ownerId }) => ({
        id,
        organizationId,
        externalId: page.externalId,
        title: page.title,
        slug,
        ownerId,
        mode: page.mode,
        roundRobin: page.roundRobin,
        enabled: page.enabled,
        // Replaced by the first evaluation, below in this transaction.
        ...placeholderEvaluation(),
        stateChangedAt: ctx.now,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })),
    );
  }
  const memberRows = [
    ...newMembers.map((c) => ({ pageId: c.stored.id, memberIds: c.memberIds })),
    ...newPages.map((p) => ({ pageId: p.id, memberIds: p.memberIds })),
  ].flatMap(({ pageId, memberIds }) =>
    memberIds.map((userId, position) => ({ bookingPageId: pageId, userId, position })),
  );
  for (const rows of slices(memberRows)) await tx.insert(bookingPageMembers).values(rows);
  const locationRows = [
    ...newLocations.map((c) => ({ pageId: c.stored.id, locations: c.page.locations })),
    ...newPages.map((p) => ({ pageId: p.id, locations: p.page.locations })),
  ].flatMap(({ pageId, locations }) =>
    locations.map((draft, position) => ({
      id: newId('loc'),
      bookingPageId: pageId,
      ...draft,
      position,
      createdAt: ctx.now,
    })),
  );
  for (const rows of slices(locationRows)) await tx.insert(bookingPageLocations).values(rows);

  for (const change of changedPages) {
    if (change.fields.some((field) => evaluated.has(field))) ctx.touchedPages.add(change.stored.id);
    const addedMemberIds = change.memberIds.filter(
      (member) => !(membersOf.get(change.stored.id) ?? []).includes(member),
    );
    ctx.emit({
      type: 'BOOKING_PAGE_UPDATED',
      bookingPageId: change.stored.id,
      userId: change.ownerId,
      payload: {
        fields: change.fields,
        cause: ctx.cause,
        ...(change.fields.includes('ownerId') ? { previousOwnerId: change.stored.ownerId } : {}),
        ...(addedMemberIds.length > 0 ? { addedMemberIds } : {}),
        ...(change.removedMemberIds.length > 0 ? { removedMemberIds: change.removedMemberIds } : {}),
      },
    });
  }
  for (const page of newPages) ctx.createdPages.add(page.id);

  // Removed people: each live connection is unlinked as unlinkConnection does (its grant read for revocation
  // after the commit), they leave the pages they were members of, then their rows go.
  const credentials = await readCredentials(
    tx,
    keyring,
    removedConnections.map((c) => c.id),
  );
  const unlinkedConnections: UnlinkedConnection[] = [];
  const pagesOfRemoved = new Map<string, string[]>();
  for (const connection of removedConnections) {
    let pageIds = pagesOfRemoved.get(connection.userId);
    if (pageIds === undefined) {
      pageIds = await pageIdsInvolvingUser(ctx, connection.userId);
      pagesOfRemoved.set(connection.userId, pageIds);
    }
    await unlinkInTransaction(ctx, connection, pageIds);
    unlinkedConnections.push({
      connectionId: connection.id,
      userId: connection.userId,
      provider: connection.provider,
      credentials: credentials.get(connection.id) ?? null,
    });
  }
  const leftPages = new Map<string, string[]>();
  for (const ids of slices(removedIds)) {
    const left = await tx
      .delete(bookingPageMembers)
      .where(inArray(bookingPageMembers.userId, ids))
      .returning({ pageId: bookingPageMembers.bookingPageId, userId: bookingPageMembers.userId });
    for (const { pageId, userId } of left) leftPages.set(pageId, [...(leftPages.get(pageId) ?? []), userId]);
  }
  for (const [pageId, removedMemberIds] of leftPages) {
    const page = lockedPages.get(pageId);
    if (page === undefined) continue;
    ctx.touchedPages.add(pageId);
    ctx.emit({
      type: 'BOOKING_PAGE_UPDATED',
      bookingPageId: pageId,
      userId: page.ownerId,
      payload: { fields: ['memberIds'], cause: ctx.cause, removedMemberIds },
    });
  }
  for (const ids of slices(removedIds)) await tx.delete(users).where(inArray(users.id, ids));

  // Exactly the affected pages, once: created, changed in what the engine reads, left by a member, or
  // stripped of a location by an unlink.
  const affected = [...new Set([...ctx.createdPages, ...ctx.touchedPages])].filter(
    (id) => !deletedPageIds.has(id),
  );
  const reevaluated = await reevaluatePages(ctx, affected, null);
  counts.pagesReevaluated = reevaluated.length;
  const stored = new Map(reevaluated.map((page) => [page.id, page]));
  for (const { page, id, slug, ownerId } of newPages) {
    const row = stored.get(id);
    if (row === undefined) throw new Error(`Page ${id} vanished in its own transaction`);
    ctx.emit({
      type: 'BOOKING_PAGE_CREATED',
      bookingPageId: id,
      userId: ownerId,
      payload: { title: page.title, slug, state: row.state, acceptingBookings: row.acceptingBookings },
    });
  }

  const result: DirectorySyncResult = {
    applied: input.dryRun !== true,
    dryRun: input.dryRun === true,
    errors: [],
    counts,
    ...mapping,
    unlinkedConnections: input.dryRun === true ? [] : unlinkedConnections,
  };
  return input.dryRun === true ? rollBackWith(result) : result;
}

export function directoryOperations(runner: TransactionRunner): DirectoryOperations {
  const { run, keyring } = runner;
  return {
    syncDirectory(actor, input) {
      return run(actor, 'syncDirectory', async (ctx) => {
        if (actor.role === 'MEMBER') return abort('FORBIDDEN', 'Directory sync is for admins and services');
        return sync(ctx, keyring, input);
      });
    },
  };
}
