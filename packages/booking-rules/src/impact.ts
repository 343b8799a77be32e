// Impact analysis ("what if"): what a failure or a planned change would do to the organization's booking pages,
// computed in memory from the current state. Nothing is written; the world given is never modified.
import {
  CONNECTION_KIND,
  compareIds,
  groupConnectionsByUser,
  LOCATION_REQUIRED_PROVIDER,
} from './connections.js';
import { evaluatePage } from './evaluate.js';
import { removeLocationsForUnlinkedConnection } from './remediation.js';
import type {
  BookingPageEvaluation,
  BookingPageInput,
  ConnectionInput,
  ConnectionsByUser,
  Provider,
} from './types.js';
import { UserTable } from './user-table.js';

/** The statuses a connection can be assumed to fall into. */
export const IMPACT_STATUSES = ['ERROR', 'DISCONNECTED'] as const;
export type ImpactStatus = (typeof IMPACT_STATUSES)[number];

/** The planned page changes impact analysis answers for (see ImpactChange). */
export const PLANNED_PAGE_CHANGE_KINDS = ['REMOVE_MEMBER', 'CHANGE_OWNER', 'REMOVE_LOCATION'] as const;

/** Which connections an assumed failure concerns: named ones, every linked one of a user, or of a provider. */
export type ImpactTarget =
  | { readonly connectionIds: readonly string[] }
  | { readonly userId: string }
  | { readonly provider: Provider };

/**
 * What is assumed. CONNECTIONS: the target's linked connections move to `status` (DISCONNECTED is an unlink, with
 * its follow-up: the owner's ALL_MEMBERS pages lose the locations that needed the connection). The planned page
 * changes are the state service's: REMOVE_MEMBER drops the member, CHANGE_OWNER makes a non-member owner join at
 * the end of the member list, REMOVE_LOCATION drops one location.
 */
export type ImpactChange =
  | { readonly kind: 'CONNECTIONS'; readonly target: ImpactTarget; readonly status: ImpactStatus }
  | { readonly kind: 'REMOVE_MEMBER'; readonly pageId: string; readonly userId: string }
  | { readonly kind: 'CHANGE_OWNER'; readonly pageId: string; readonly userId: string }
  | { readonly kind: 'REMOVE_LOCATION'; readonly pageId: string; readonly locationId: string };

export const PAGE_IMPACT_EFFECTS = [
  /** It takes bookings now and would stop. */
  'DISABLED',
  /** It does not take bookings now and would (a planned change, or an unlink, can clear a reason). */
  'ENABLED',
  /** It keeps taking bookings with fewer eligible hosts (a round-robin pool shrinks). */
  'HOSTS_REDUCED',
  /** It keeps taking bookings with more eligible hosts. */
  'HOSTS_INCREASED',
  /** It keeps taking bookings with the same hosts: see `stayUpReason`. */
  'STAYS_UP',
  /** It does not take bookings now and still would not. */
  'STAYS_DOWN',
] as const;
export type PageImpactEffect = (typeof PAGE_IMPACT_EFFECTS)[number];

export const STAY_UP_REASONS = [
  /** ANY_MEMBER: some member remains an eligible host. */
  'HOSTS_REMAIN',
  /** ALL_MEMBERS with locations: one of them is still usable for the owner. */
  'LOCATION_STILL_USABLE',
  /** ALL_MEMBERS: the page is left with no location, so the owner needs none. */
  'NO_LOCATION_NEEDED',
  /** ALL_MEMBERS: an unlinked calendar leaves a member without one, which warns but does not disable. */
  'UNLINKED_CALENDAR_ONLY_WARNS',
  /** Nothing the page relies on changes (e.g. a Zoom account of a page with no Zoom location). */
  'NOT_RELIED_ON',
] as const;
export type StayUpReason = (typeof STAY_UP_REASONS)[number];

export interface PageImpact {
  readonly pageId: string;
  readonly effect: PageImpactEffect;
  readonly before: BookingPageEvaluation;
  readonly after: BookingPageEvaluation;
  readonly hostsBefore: number;
  readonly hostsAfter: number;
  /** Eligible before, not after; in the page's member order. */
  readonly lostHostIds: readonly string[];
  readonly gainedHostIds: readonly string[];
  /** Why a page that takes bookings after the change still does; null when it does not. */
  readonly stayUpReason: StayUpReason | null;
  /** Locations the change takes off the page (REMOVE_LOCATION, or an unlink's follow-up), in page order. */
  readonly removedLocationIds: readonly string[];
}

export interface ImpactReport {
  /** The connections whose status the change moves, sorted (empty for planned page changes). */
  readonly connectionIds: readonly string[];
  /** Every page the change involves (its users' pages, or the one page), sorted by id. */
  readonly pages: readonly PageImpact[];
  readonly counts: Readonly<Record<PageImpactEffect, number>>;
}

export type ImpactFailure =
  | { readonly code: 'UNKNOWN_PAGE'; readonly pageId: string }
  | { readonly code: 'UNKNOWN_LOCATION'; readonly locationId: string }
  | { readonly code: 'NOT_A_MEMBER'; readonly userId: string }
  /** A page keeps at least one member. */
  | { readonly code: 'LAST_MEMBER'; readonly userId: string };

export type ImpactResult =
  | { readonly ok: true; readonly report: ImpactReport }
  | { readonly ok: false; readonly error: ImpactFailure };

/** What the change moves: the rest of the world stays as it is. */
interface ChangedWorld {
  /** Connections whose status moves, in their new form. */
  readonly connections: readonly ConnectionInput[];
  /** Pages whose input changes, in their new form. */
  readonly pages: readonly BookingPageInput[];
  /** Users whose pages the change involves: the moved connections' owners. */
  readonly userIds: readonly string[];
  /** By page: the locations the change takes off it. */
  readonly removedLocations: ReadonlyMap<string, readonly string[]>;
}

const EMPTY: readonly never[] = Object.freeze([]);

/**
 * Answers impact questions about one organization. Built once from its pages and connections (kept by reference,
 * never modified); each `analyze` evaluates only the pages the change involves, before and after. Reports equal
 * what evaluating the changed world from scratch gives (the tests hold it to that).
 */
export class ImpactAnalyzer {
  readonly #pages: readonly BookingPageInput[];
  readonly #pageAt = new Map<string, number>();
  readonly #connections: readonly ConnectionInput[];
  readonly #connectionById = new Map<string, ConnectionInput>();
  readonly #byUser: ConnectionsByUser;
  readonly #table: UserTable;
  /** Page positions by user (member or owner), each page once per user. */
  readonly #pagesOfUser = new Map<string, number[]>();
  readonly #before: (BookingPageEvaluation | undefined)[];

  constructor(pages: readonly BookingPageInput[], connections: readonly ConnectionInput[]) {
    this.#pages = pages;
    this.#connections = connections;
    this.#byUser = groupConnectionsByUser(connections);
    this.#table = UserTable.from(connections);
    this.#before = new Array(pages.length);
    for (const connection of connections) this.#connectionById.set(connection.id, connection);
    for (let at = 0; at < pages.length; at++) {
      const page = pages[at]!;
      this.#pageAt.set(page.id, at);
      this.#involve(page.ownerId, at);
      for (const member of page.memberIds) this.#involve(member, at);
    }
  }

  #involve(userId: string, at: number): void {
    const list = this.#pagesOfUser.get(userId);
    if (list === undefined) this.#pagesOfUser.set(userId, [at]);
    else if (list[list.length - 1] !== at) list.push(at);
  }

  /** The linked (not DISCONNECTED) connections a target names; unknown ids are ignored. Sorted by id. */
  targetConnections(target: ImpactTarget): ConnectionInput[] {
    let selected: ConnectionInput[];
    if ('connectionIds' in target) {
      selected = [];
      for (const id of new Set(target.connectionIds)) {
        const connection = this.#connectionById.get(id);
        if (connection !== undefined) selected.push(connection);
      }
    } else if ('userId' in target) selected = [...(this.#byUser.get(target.userId) ?? EMPTY)];
    else selected = this.#connections.filter((c) => c.provider === target.provider);
    return selected.filter((c) => c.status !== 'DISCONNECTED').sort((a, b) => compareIds(a.id, b.id));
  }

  analyze(change: ImpactChange): ImpactResult {
    const changed = this.#apply(change);
    if ('code' in changed) return { ok: false, error: changed };

    // The users whose connections move, with their lists as they would be; everyone else's as they are.
    const movedById = new Map(changed.connections.map((c) => [c.id, c]));
    const movedByUser = groupConnectionsByUser(changed.connections);
    // Interned like the bulk path: an errored user's reasons and plan steps are built once, for all their pages.
    const after =
      movedById.size === 0
        ? this.#table
        : UserTable.from(this.#connections.map((c) => movedById.get(c.id) ?? c));
    const changedPages = new Map(changed.pages.map((p) => [p.id, p]));

    const positions = new Set<number>();
    for (const userId of changed.userIds) {
      for (const at of this.#pagesOfUser.get(userId) ?? EMPTY) positions.add(at);
    }
    for (const page of changed.pages) positions.add(this.#pageAt.get(page.id)!);

    const impacts: PageImpact[] = [];
    for (const at of positions) {
      const original = this.#pages[at]!;
      const page = changedPages.get(original.id) ?? original;
      impacts.push(
        pageImpact(
          this.#evaluationBefore(at),
          evaluatePage(page, after),
          original,
          page,
          change,
          movedByUser,
          changed.removedLocations.get(page.id) ?? EMPTY,
        ),
      );
    }
    impacts.sort((a, b) => compareIds(a.pageId, b.pageId));
    const counts = Object.fromEntries(PAGE_IMPACT_EFFECTS.map((e) => [e, 0])) as Record<
      PageImpactEffect,
      number
    >;
    for (const impact of impacts) counts[impact.effect]++;
    return {
      ok: true,
      report: {
        connectionIds: changed.connections.map((c) => c.id),
        pages: impacts,
        counts,
      },
    };
  }

  #evaluationBefore(at: number): BookingPageEvaluation {
    let evaluation = this.#before[at];
    if (evaluation === undefined) {
      evaluation = evaluatePage(this.#pages[at]!, this.#table);
      this.#before[at] = evaluation;
    }
    return evaluation;
  }

  #apply(change: ImpactChange): ChangedWorld | ImpactFailure {
    if (change.kind === 'CONNECTIONS') return this.#applyConnections(change.target, change.status);
    const at = this.#pageAt.get(change.pageId);
    if (at === undefined) return { code: 'UNKNOWN_PAGE', pageId: change.pageId };
    const page = this.#pages[at]!;
    switch (change.kind) {
      case 'REMOVE_MEMBER': {
        if (!page.memberIds.includes(change.userId)) return { code: 'NOT_A_MEMBER', userId: change.userId };
        const memberIds = page.memberIds.filter((m) => m !== change.userId);
        if (memberIds.length === 0) return { code: 'LAST_MEMBER', userId: change.userId };
        return onePage({ ...page, memberIds });
      }
      case 'CHANGE_OWNER': {
        if (change.userId === page.ownerId) return onePage(page);
        const memberIds = page.memberIds.includes(change.userId)
          ? page.memberIds
          : [...page.memberIds, change.userId];
        return onePage({ ...page, ownerId: change.userId, memberIds });
      }
      case 'REMOVE_LOCATION': {
        const locations = page.locations.filter((l) => l.id !== change.locationId);
        if (locations.length === page.locations.length) {
          return { code: 'UNKNOWN_LOCATION', locationId: change.locationId };
        }
        return {
          ...onePage({ ...page, locations }),
          removedLocations: new Map([[page.id, [change.locationId]]]),
        };
      }
    }
  }

  #applyConnections(target: ImpactTarget, status: ImpactStatus): ChangedWorld {
    const moved = this.targetConnections(target)
      .filter((c) => c.status !== status)
      .map((c): ConnectionInput => ({ ...c, status }));
    const userIds = [...new Set(moved.map((c) => c.userId))];
    if (status !== 'DISCONNECTED' || moved.length === 0) {
      return { connections: moved, pages: EMPTY, userIds, removedLocations: new Map() };
    }
    // An unlink's follow-up (DESIGN §2), judged against the owner's connections after every unlink.
    const movedById = new Map(moved.map((c) => [c.id, c]));
    const byUser = new Map<string, readonly ConnectionInput[]>();
    for (const userId of userIds) {
      byUser.set(
        userId,
        (this.#byUser.get(userId) ?? EMPTY).map((c) => movedById.get(c.id) ?? c),
      );
    }
    const pages = new Map<string, BookingPageInput>();
    const removedLocations = new Map<string, string[]>();
    for (const connection of moved) {
      const owned = (this.#pagesOfUser.get(connection.userId) ?? EMPTY).map(
        (at) => pages.get(this.#pages[at]!.id) ?? this.#pages[at]!,
      );
      const removal = removeLocationsForUnlinkedConnection(connection, owned, byUser);
      for (const page of removal.pages) pages.set(page.id, page);
      for (const removed of removal.removed) {
        const list = removedLocations.get(removed.pageId);
        if (list === undefined) removedLocations.set(removed.pageId, [removed.locationId]);
        else list.push(removed.locationId);
      }
    }
    // In page order, whichever unlink took them.
    for (const [pageId, ids] of removedLocations) {
      const locations = this.#pages[this.#pageAt.get(pageId)!]!.locations;
      const taken = new Set(ids);
      removedLocations.set(
        pageId,
        locations.filter((l) => taken.has(l.id)).map((l) => l.id),
      );
    }
    return { connections: moved, pages: [...pages.values()], userIds, removedLocations };
  }
}

/** A planned change moves no connection: it can change only its own page. */
function onePage(page: BookingPageInput): ChangedWorld {
  return { connections: EMPTY, pages: [page], userIds: EMPTY, removedLocations: new Map() };
}

/** One-shot: builds an analyzer for the world and answers one change. Use `ImpactAnalyzer` for several. */
export function analyzeImpact(
  pages: readonly BookingPageInput[],
  connections: readonly ConnectionInput[],
  change: ImpactChange,
): ImpactResult {
  return new ImpactAnalyzer(pages, connections).analyze(change);
}

function pageImpact(
  before: BookingPageEvaluation,
  after: BookingPageEvaluation,
  original: BookingPageInput,
  page: BookingPageInput,
  change: ImpactChange,
  movedByUser: ConnectionsByUser,
  removedLocationIds: readonly string[],
): PageImpact {
  const hostsBefore = before.eligibleHostIds.length;
  const hostsAfter = after.eligibleHostIds.length;
  let effect: PageImpactEffect;
  if (before.acceptingBookings && !after.acceptingBookings) effect = 'DISABLED';
  else if (!before.acceptingBookings && after.acceptingBookings) effect = 'ENABLED';
  else if (!after.acceptingBookings) effect = 'STAYS_DOWN';
  else if (after.rule === 'ANY_MEMBER' || before.rule === 'ANY_MEMBER') {
    effect =
      hostsAfter < hostsBefore ? 'HOSTS_REDUCED' : hostsAfter > hostsBefore ? 'HOSTS_INCREASED' : 'STAYS_UP';
  } else effect = 'STAYS_UP';
  const afterHosts = new Set(after.eligibleHostIds);
  const beforeHosts = new Set(before.eligibleHostIds);
  return {
    pageId: page.id,
    effect,
    before,
    after,
    hostsBefore,
    hostsAfter,
    lostHostIds: before.eligibleHostIds.filter((id) => !afterHosts.has(id)),
    gainedHostIds: after.eligibleHostIds.filter((id) => !beforeHosts.has(id)),
    stayUpReason: after.acceptingBookings ? stayUpReason(after, original, page, change, movedByUser) : null,
    removedLocationIds,
  };
}

/** Why a page that takes bookings after the change still does (see STAY_UP_REASONS). */
function stayUpReason(
  after: BookingPageEvaluation,
  original: BookingPageInput,
  page: BookingPageInput,
  change: ImpactChange,
  movedByUser: ConnectionsByUser,
): StayUpReason {
  if (after.rule === 'ANY_MEMBER') return 'HOSTS_REMAIN';
  const locationOutcome: StayUpReason =
    page.locations.length === 0 ? 'NO_LOCATION_NEEDED' : 'LOCATION_STILL_USABLE';
  switch (change.kind) {
    case 'REMOVE_MEMBER':
      return 'NOT_RELIED_ON';
    case 'CHANGE_OWNER':
    case 'REMOVE_LOCATION':
      return original.locations.length === 0 ? 'NOT_RELIED_ON' : locationOutcome;
    case 'CONNECTIONS': {
      for (const member of page.memberIds) {
        const moved = movedByUser.get(member) ?? EMPTY;
        if (moved.some((c) => CONNECTION_KIND[c.provider] === 'CALENDAR'))
          return 'UNLINKED_CALENDAR_ONLY_WARNS';
      }
      const ownerMoved = movedByUser.get(page.ownerId) ?? EMPTY;
      const ownerLocationTouched = original.locations.some((l) =>
        ownerMoved.some((c) => c.provider === LOCATION_REQUIRED_PROVIDER[l.type]),
      );
      return ownerLocationTouched ? locationOutcome : 'NOT_RELIED_ON';
    }
  }
}
