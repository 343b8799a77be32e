// Relation helpers shared by the modules' resolvers: every lookup goes through the request's loaders.
import type { UserRow } from '@tsunagi/db';
import type { GatewayContext } from './context.js';
import { loadVisible } from './loaders.js';

/** A user the row refers to. Rows only refer to users of their own organization, so absence is a bug. */
export async function referencedUser(context: GatewayContext, userId: string): Promise<UserRow> {
  const user = await context.loaders.user.load(userId);
  if (user === null) throw new Error(`Dangling user reference ${userId}`);
  return user;
}

export async function optionalUser(
  context: GatewayContext,
  userId: string | null | undefined,
): Promise<UserRow | null> {
  return userId === null || userId === undefined ? null : context.loaders.user.load(userId);
}

export function usersInOrder(context: GatewayContext, userIds: readonly string[]): Promise<UserRow[]> {
  return loadVisible(context.loaders.user, userIds);
}
