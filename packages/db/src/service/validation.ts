// The input rules of the data this package stores, in one place: the state service checks them, and the
// gateway imports INPUT_LIMITS and isEmailAddress to refuse oversized or malformed input before any SQL.
// Each check returns a field error, or null when the input is fine.
import {
  type BookingPageMode,
  bookingPageMode,
  type ConnectionProvider,
  connectionProvider,
  type LocationType,
  locationType,
} from '../schema.js';

export const INPUT_LIMITS = {
  titleLength: 200,
  slugLength: 64,
  membersPerPage: 100,
  locationsPerPage: 10,
  labelLength: 100,
  locationValueLength: 500,
  accountIdLength: 256,
  /** The product's own id for a user, page or organization (`ext:<id>` in GraphQL arguments). */
  externalIdLength: 256,
  /** An address as RFC 5321 bounds it (64 + 1 + 255), rounded to the customary 320. */
  emailLength: 320,
  /** Exchange settings: the EWS URL, the role account's secret, the application (client) id. */
  urlLength: 2000,
  secretLength: 1024,
  applicationIdLength: 200,
  /** A person's name (directory sync). */
  nameLength: 200,
  /** Rows in each list of one directory sync call (users, pages, and each delete list). */
  directoryRowsPerList: 5000,
} as const;

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// One @, no spaces, and a dot in the domain: every account our providers issue (Google, Microsoft 365,
// Zoom, Exchange) has a domain with a dot, and an address without one is a typo ("role@contoso").
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_PATTERN = /^\+?[0-9][0-9 ().-]{3,30}$/;

const DEFAULT_LOCATION_LABEL: Readonly<Record<LocationType, string>> = {
  ZOOM: 'Zoom',
  MICROSOFT_TEAMS: 'Microsoft Teams',
  GOOGLE_MEET: 'Google Meet',
  IN_PERSON: 'In person',
  PHONE: 'Phone call',
  CUSTOM_URL: 'Web conference',
};

/** Conferencing locations get a fresh link per booking, so they carry no value. */
const VALUE_REQUIRED: Readonly<Record<LocationType, boolean>> = {
  ZOOM: false,
  MICROSOFT_TEAMS: false,
  GOOGLE_MEET: false,
  IN_PERSON: true,
  PHONE: true,
  CUSTOM_URL: true,
};

export interface FieldError {
  field: string;
  message: string;
}

const oneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (values as readonly string[]).includes(value);

export const isProvider = (value: unknown): value is ConnectionProvider =>
  oneOf(connectionProvider.enumValues, value);
const isMode = (value: unknown): value is BookingPageMode => oneOf(bookingPageMode.enumValues, value);
const isLocationType = (value: unknown): value is LocationType => oneOf(locationType.enumValues, value);

export function checkTitle(title: unknown): FieldError | null {
  if (typeof title !== 'string' || title.trim().length === 0)
    return { field: 'title', message: 'Title is required' };
  if (title.length > INPUT_LIMITS.titleLength) {
    return { field: 'title', message: `Title is longer than ${INPUT_LIMITS.titleLength} characters` };
  }
  return null;
}

export function checkSlug(slug: unknown): FieldError | null {
  if (typeof slug !== 'string' || !SLUG_PATTERN.test(slug) || slug.length > INPUT_LIMITS.slugLength) {
    return {
      field: 'slug',
      message: `Slug must be lowercase letters and digits separated by single hyphens, at most ${INPUT_LIMITS.slugLength} long`,
    };
  }
  return null;
}

/** A slug for a title: `"Sales demo (EU)"` → `sales-demo-eu`. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, INPUT_LIMITS.slugLength)
    .replace(/-+$/g, '');
  return slug.length > 0 ? slug : 'page';
}

export function checkMembers(memberIds: unknown): FieldError | null {
  if (!Array.isArray(memberIds) || memberIds.some((id) => typeof id !== 'string')) {
    return { field: 'memberIds', message: 'memberIds must be a list of user ids' };
  }
  if (memberIds.length === 0)
    return { field: 'memberIds', message: 'A booking page needs at least one member' };
  if (memberIds.length > INPUT_LIMITS.membersPerPage) {
    return {
      field: 'memberIds',
      message: `A booking page has at most ${INPUT_LIMITS.membersPerPage} members`,
    };
  }
  if (new Set(memberIds).size !== memberIds.length)
    return { field: 'memberIds', message: 'memberIds repeat a user' };
  return null;
}

export function checkModeAndRoundRobin(mode: unknown, roundRobin: unknown): FieldError | null {
  if (!isMode(mode)) return { field: 'mode', message: 'mode is ALL_MEMBERS or ANY_MEMBER' };
  if (typeof roundRobin !== 'boolean') return { field: 'roundRobin', message: 'roundRobin is a boolean' };
  if (roundRobin && mode !== 'ANY_MEMBER') {
    return { field: 'roundRobin', message: 'Round robin assigns one host, so it needs mode ANY_MEMBER' };
  }
  return null;
}

export interface LocationDraft {
  type: LocationType;
  label: string;
  value: string | null;
}

export function checkLocation(
  input: { type?: unknown; label?: unknown; value?: unknown },
  field = 'location',
): FieldError | LocationDraft {
  const { type } = input;
  if (!isLocationType(type))
    return { field: `${field}.type`, message: `Unknown location type ${String(type)}` };
  const label = input.label ?? DEFAULT_LOCATION_LABEL[type];
  if (typeof label !== 'string' || label.trim().length === 0 || label.length > INPUT_LIMITS.labelLength) {
    return { field: `${field}.label`, message: `A label has 1 to ${INPUT_LIMITS.labelLength} characters` };
  }
  const value = input.value ?? null;
  if (value !== null && typeof value !== 'string')
    return { field: `${field}.value`, message: 'value is text' };
  if (!VALUE_REQUIRED[type]) {
    if (value !== null) {
      return {
        field: `${field}.value`,
        message: `${type} locations get a new link per booking and take no value`,
      };
    }
    return { type, label, value: null };
  }
  if (value === null || value.trim().length === 0) {
    return { field: `${field}.value`, message: `${type} locations need a value` };
  }
  if (value.length > INPUT_LIMITS.locationValueLength) {
    return {
      field: `${field}.value`,
      message: `value is longer than ${INPUT_LIMITS.locationValueLength} characters`,
    };
  }
  if (type === 'PHONE' && !PHONE_PATTERN.test(value)) {
    return { field: `${field}.value`, message: 'Not a phone number' };
  }
  if (type === 'CUSTOM_URL' && !/^https?:$/.test(URL.canParse(value) ? new URL(value).protocol : '')) {
    return { field: `${field}.value`, message: 'Not an http(s) URL' };
  }
  return { type, label, value };
}

/** An e-mail address as Tsunagi stores one (connection accounts, Exchange mailboxes and role accounts). */
export function isEmailAddress(value: string): boolean {
  return value.length <= INPUT_LIMITS.emailLength && EMAIL_PATTERN.test(value);
}

export function checkAccount(input: {
  accountExternalId?: unknown;
  accountEmail?: unknown;
}): FieldError | null {
  const { accountExternalId, accountEmail } = input;
  if (
    typeof accountExternalId !== 'string' ||
    accountExternalId.trim().length === 0 ||
    accountExternalId.length > INPUT_LIMITS.accountIdLength
  ) {
    return { field: 'accountExternalId', message: 'The provider account id is required' };
  }
  if (accountEmail != null && (typeof accountEmail !== 'string' || !isEmailAddress(accountEmail))) {
    return { field: 'accountEmail', message: 'Not an e-mail address' };
  }
  return null;
}
