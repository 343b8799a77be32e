// Relation helpers shared by the modules' resolvers: every lookup goes through the request's loaders, and
// answers without a promise when the request already holds the row (Loaders.settled).
import type { UserRow } from '@tsunagi/db';
import type { GatewayContext } from './context.js';
import { settledOrLoad } from './loaders.js';

/** A user the row refers to. Rows only refer to users of their own organization, so absence is a bug. */
export function referencedUser(context: GatewayContext, userId: string): UserRow | Promise<UserRow> {
  const settled = context.loaders.settled.users.get(userId);
  if (settled !== undefined) return settled ?? dangling(userId);
  return context.loaders.user.load(userId).then((user) => user ?? dangling(userId));
}

function dangling(userId: string): never {
  throw new Error(`Dangling user reference ${userId}`);
}

export function optionalUser(
  context: GatewayContext,
  userId: string | null | undefined,
): UserRow | null | Promise<UserRow | null> {
  if (userId === null || userId === undefined) return null;
  const settled = context.loaders.settled.users.get(userId);
  return settled !== undefined ? settled : context.loaders.user.load(userId);
}

export function usersInOrder(
  context: GatewayContext,
  userIds: readonly string[],
): UserRow[] | Promise<UserRow[]> {
  return settledOrLoad(context.loaders.settled.users, context.loaders.user, userIds);
}
