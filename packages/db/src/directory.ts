// Organizations and their people. Plain inserts: nothing about them is evaluated or announced.

import { and, eq, or } from 'drizzle-orm';
import type { Executor } from './database.js';
import { newId } from './ids.js';
import {
  type BookingPageRow,
  bookingPages,
  type OrganizationRow,
  organizations,
  type UserRole,
  type UserRow,
  users,
} from './schema.js';

export async function createOrganization(
  db: Executor,
  input: { name: string; slug: string; id?: string; externalId?: string | null },
): Promise<OrganizationRow> {
  const [row] = await db
    .insert(organizations)
    .values({
      id: input.id ?? newId('org'),
      name: input.name,
      slug: input.slug,
      externalId: input.externalId ?? null,
    })
    .returning();
  if (row === undefined) throw new Error('Insert returned no organization');
  return row;
}

/** The organization whose id or slug is `reference` (an id never looks like a slug: ids carry `org_`), or null. */
export async function findOrganization(db: Executor, reference: string): Promise<OrganizationRow | null> {
  const [row = null] = await db
    .select()
    .from(organizations)
    .where(or(eq(organizations.id, reference), eq(organizations.slug, reference)))
    .limit(1);
  return row;
}

/** The organization's user `userId`, or null (a user of another organization is null too). */
export async function findUser(
  db: Executor,
  organizationId: string,
  userId: string,
): Promise<UserRow | null> {
  const [row = null] = await db
    .select()
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.id, userId)))
    .limit(1);
  return row;
}

/**
 * The organization an identity provider's organization claim names: by our id first, else by the product's
 * external id. Our ids are random (`org_…`), so an external id can only shadow one by being set to it on
 * purpose; the id wins then, and the external id names nothing.
 */
export async function organizationByReference(
  db: Executor,
  reference: string,
): Promise<OrganizationRow | null> {
  const rows = await db
    .select()
    .from(organizations)
    .where(or(eq(organizations.id, reference), eq(organizations.externalId, reference)))
    .limit(2);
  return rows.find((row) => row.id === reference) ?? rows[0] ?? null;
}

export async function createUser(
  db: Executor,
  input: { organizationId: string; name: string; email: string; role?: UserRole; id?: string },
): Promise<UserRow> {
  const [row] = await db
    .insert(users)
    .values({
      id: input.id ?? newId('usr'),
      organizationId: input.organizationId,
      name: input.name,
      email: input.email,
      role: input.role ?? 'MEMBER',
    })
    .returning();
  if (row === undefined) throw new Error('Insert returned no user');
  return row;
}

/**
 * Names a user by the product's own id (the identity provider's user claim). Directory sync will call it;
 * until then tests and operators do. Null clears it. Unique per organization (users_org_external_id_key).
 */
export async function setUserExternalId(
  db: Executor,
  input: { organizationId: string; userId: string; externalId: string | null },
): Promise<UserRow | null> {
  const [row = null] = await db
    .update(users)
    .set({ externalId: input.externalId })
    .where(and(eq(users.organizationId, input.organizationId), eq(users.id, input.userId)))
    .returning();
  return row;
}

/** The organization's user the product knows as `externalId`, or null. */
export async function userByExternalId(
  db: Executor,
  organizationId: string,
  externalId: string,
): Promise<UserRow | null> {
  const [row = null] = await db
    .select()
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.externalId, externalId)))
    .limit(1);
  return row;
}

/**
 * Names a booking page by the product's own id. Directory sync will call it; until then tests and operators
 * do. Null clears it. Unique per organization (booking_pages_org_external_id_key).
 */
export async function setBookingPageExternalId(
  db: Executor,
  input: { organizationId: string; pageId: string; externalId: string | null },
): Promise<BookingPageRow | null> {
  const [row = null] = await db
    .update(bookingPages)
    .set({ externalId: input.externalId })
    .where(and(eq(bookingPages.organizationId, input.organizationId), eq(bookingPages.id, input.pageId)))
    .returning();
  return row;
}
