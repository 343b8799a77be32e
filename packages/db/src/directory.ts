// Organizations and their people. Plain inserts: nothing about them is evaluated or announced.
import type { Executor } from './database.js';
import { newId } from './ids.js';
import { type OrganizationRow, organizations, type UserRole, type UserRow, users } from './schema.js';

export async function createOrganization(
  db: Executor,
  input: { name: string; slug: string; id?: string },
): Promise<OrganizationRow> {
  const [row] = await db
    .insert(organizations)
    .values({ id: input.id ?? newId('org'), name: input.name, slug: input.slug })
    .returning();
  if (row === undefined) throw new Error('Insert returned no organization');
  return row;
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
