// Directory sync rows as the product sends them, and the checks one row passes on its own (shape, limits,
// vocabularies). What needs the database or the other rows of the call is checked in directory-operations.ts.
import type { BookingPageMode, StoredLocale, UserRole } from '../schema.js';
import { STORED_LOCALES, USER_ROLES } from '../schema.js';
import type { LocationInputDraft } from './page-operations.js';
import {
  checkLocation,
  checkMembers,
  checkModeAndRoundRobin,
  checkSlug,
  checkTitle,
  type FieldError,
  INPUT_LIMITS,
  isEmailAddress,
  type LocationDraft,
} from './validation.js';

export const DIRECTORY_SYNC_MODES = ['UPSERT', 'FULL'] as const;
export type DirectorySyncMode = (typeof DIRECTORY_SYNC_MODES)[number];

/** The lists of a sync call a row error points into. */
export const DIRECTORY_LISTS = ['USERS', 'PAGES', 'DELETE_USERS', 'DELETE_PAGES'] as const;
export type DirectoryList = (typeof DIRECTORY_LISTS)[number];

/** Why a row of a sync call was refused (the whole call then changes nothing). */
export const DIRECTORY_ROW_ERROR_CODES = [
  /** The row breaks an input rule on its own (a missing name, a malformed e-mail or slug, a limit…). */
  'INVALID',
  /** Another row of the same list has this external id. */
  'DUPLICATE_EXTERNAL_ID',
  /** Another user row of the call has this e-mail address. */
  'DUPLICATE_EMAIL',
  /** A person of the organization who keeps it after the call has this e-mail address. */
  'EMAIL_TAKEN',
  /** An owner or member external id names no person the organization has after the call. */
  'UNKNOWN_USER',
  /** Another page of the organization, or another page row of the call, has this slug. */
  'SLUG_TAKEN',
  /** The person would be removed but still owns a page the call neither deletes nor gives another owner. */
  'USER_OWNS_PAGES',
  /** Removing the people would leave a page the call does not describe without any member. */
  'LAST_MEMBER',
  /** The same external id is both upserted and deleted by the call. */
  'UPSERTED_AND_DELETED',
] as const;
export type DirectoryRowErrorCode = (typeof DIRECTORY_ROW_ERROR_CODES)[number];

export interface DirectoryUser {
  externalId: string;
  name: string;
  email: string;
  /** Defaults to MEMBER for a new person; an existing person keeps theirs. */
  role?: UserRole;
  /** Omitted: a new person has none and an existing one keeps theirs; null clears it. */
  locale?: StoredLocale | null;
}

/** A page's complete description: omitted fields take their defaults, except `slug` (see below). */
export interface DirectoryPage {
  externalId: string;
  title: string;
  /** Omitted: an existing page keeps its slug, a new one gets one derived from the title. */
  slug?: string;
  ownerExternalId: string;
  /** Defaults to `[ownerExternalId]`; must include the owner. */
  memberExternalIds?: string[];
  mode?: BookingPageMode;
  roundRobin?: boolean;
  enabled?: boolean;
  locations?: LocationInputDraft[];
}

export interface DirectorySyncInput {
  users?: DirectoryUser[];
  pages?: DirectoryPage[];
  /** External ids of people to remove; ids the organization does not have are ignored. */
  deleteUsers?: string[];
  /** External ids of pages to remove; ids the organization does not have are ignored. */
  deletePages?: string[];
  /**
   * UPSERT: the rows are changes. FULL: `users` and `pages` are the complete directory, so people and pages
   * with an external id that is not in them are removed (people without an external id never are).
   */
  mode: DirectorySyncMode;
  /** Check and compute the same result, then roll everything back. */
  dryRun?: boolean;
}

export interface DirectoryRowError {
  list: DirectoryList;
  /** The row's position in its list; null for a person FULL mode removes (not named by any row). */
  index: number | null;
  externalId: string | null;
  /** The field at fault, as named in the row (`email`, `memberExternalIds.2`, `locations.0.value`). */
  field: string | null;
  code: DirectoryRowErrorCode;
  message: string;
}

/** A page row as checked: every default applied, locations with their labels. */
export interface CheckedPage {
  index: number;
  externalId: string;
  title: string;
  slug: string | null;
  ownerExternalId: string;
  memberExternalIds: string[];
  mode: BookingPageMode;
  roundRobin: boolean;
  enabled: boolean;
  locations: LocationDraft[];
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;

export function checkExternalId(value: unknown): FieldError | null {
  if (!isText(value) || value.length > INPUT_LIMITS.externalIdLength) {
    return {
      field: 'externalId',
      message: `An external id is 1 to ${INPUT_LIMITS.externalIdLength} characters`,
    };
  }
  return null;
}

/** The first rule a user row breaks, or null. */
export function checkUserRow(row: DirectoryUser): FieldError | null {
  const idError = checkExternalId(row.externalId);
  if (idError !== null) return idError;
  if (!isText(row.name) || row.name.length > INPUT_LIMITS.nameLength) {
    return { field: 'name', message: `A name is 1 to ${INPUT_LIMITS.nameLength} characters` };
  }
  if (typeof row.email !== 'string' || !isEmailAddress(row.email)) {
    return { field: 'email', message: 'Not an e-mail address' };
  }
  if (row.role !== undefined && !(USER_ROLES as readonly unknown[]).includes(row.role)) {
    return { field: 'role', message: 'role is MEMBER or ADMIN' };
  }
  if (
    row.locale !== undefined &&
    row.locale !== null &&
    !(STORED_LOCALES as readonly unknown[]).includes(row.locale)
  ) {
    return { field: 'locale', message: `locale is one of ${STORED_LOCALES.join(', ')}` };
  }
  return null;
}

/** A page row with its defaults applied, or the first rule it breaks. */
export function checkPageRow(row: DirectoryPage, index: number): CheckedPage | FieldError {
  const idError = checkExternalId(row.externalId);
  if (idError !== null) return idError;
  const titleError = checkTitle(row.title);
  if (titleError !== null) return titleError;
  if (row.slug !== undefined) {
    const slugError = checkSlug(row.slug);
    if (slugError !== null) return slugError;
  }
  if (!isText(row.ownerExternalId)) {
    return { field: 'ownerExternalId', message: 'ownerExternalId is required' };
  }
  const memberExternalIds = row.memberExternalIds ?? [row.ownerExternalId];
  const membersError = checkMembers(memberExternalIds);
  if (membersError !== null) return { ...membersError, field: 'memberExternalIds' };
  if (!memberExternalIds.includes(row.ownerExternalId)) {
    return { field: 'memberExternalIds', message: 'The owner is a member of their page' };
  }
  const mode = row.mode ?? 'ALL_MEMBERS';
  const roundRobin = row.roundRobin ?? false;
  const modeError = checkModeAndRoundRobin(mode, roundRobin);
  if (modeError !== null) return modeError;
  const enabled = row.enabled ?? true;
  if (typeof enabled !== 'boolean') return { field: 'enabled', message: 'enabled is a boolean' };
  const inputs = row.locations ?? [];
  if (!Array.isArray(inputs) || inputs.length > INPUT_LIMITS.locationsPerPage) {
    return { field: 'locations', message: `A page has at most ${INPUT_LIMITS.locationsPerPage} locations` };
  }
  const locations: LocationDraft[] = [];
  for (const [i, input] of inputs.entries()) {
    const checked = checkLocation(input, `locations.${i}`);
    if ('field' in checked) return checked;
    locations.push(checked);
  }
  return {
    index,
    externalId: row.externalId,
    title: row.title,
    slug: row.slug ?? null,
    ownerExternalId: row.ownerExternalId,
    memberExternalIds,
    mode,
    roundRobin,
    enabled,
    locations,
  };
}
