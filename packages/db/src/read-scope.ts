// Who a read is for: every read is confined to one organization, and a MEMBER's to what they may see.
import { and, eq, type SQL } from 'drizzle-orm';
import { connections, type UserRow } from './schema.js';

export interface ReadScope {
  organizationId: string;
  /** Set for a MEMBER: narrows every read to what that user may see. Omit for admins and services. */
  viewerId?: string | null;
}

/** The scope a user reads with: admins see the whole organization. */
export function readScopeFor(user: Pick<UserRow, 'id' | 'organizationId' | 'role'>): ReadScope {
  return user.role === 'ADMIN'
    ? { organizationId: user.organizationId }
    : { organizationId: user.organizationId, viewerId: user.id };
}

/** Connections the scope may see: the organization's, or a MEMBER's own. */
export function connectionVisibility(scope: ReadScope): SQL | undefined {
  const orgCondition = eq(connections.organizationId, scope.organizationId);
  return scope.viewerId ? and(orgCondition, eq(connections.userId, scope.viewerId)) : orgCondition;
}
