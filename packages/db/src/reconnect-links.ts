// One-click reconnect links: signed, single-use, expiring, bound to one connection of one organization.
// The token is `<id>.<mac>`; the MAC covers what the row binds (organization, connection, expiry) under a key
// derived (HKDF-SHA256) from the keyring, so an edited token, a token from another deployment or one re-pointed
// at another connection fails the same check. Redeeming sets `usedAt` in one conditional UPDATE: of two
// browsers opening the same link at once, one wins.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Keyring } from './crypto.js';
import type { Database } from './database.js';
import { newId } from './ids.js';
import type { ServiceError, ServiceErrorCode } from './result.js';
import { type ConnectionProvider, reconnectLinks } from './schema.js';

/** Seven days (issue 12: the links in the failure emails). */
export const DEFAULT_RECONNECT_LINK_TTL_SECONDS = 7 * 24 * 3600;

/** Why a link was refused (extensions.reason). A refused link changes nothing. */
export const RECONNECT_LINK_REFUSALS = [
  /** Not a token we signed for what it names: edited, truncated, another deployment's, or unknown. */
  'LINK_INVALID',
  'LINK_EXPIRED',
  'LINK_ALREADY_USED',
  /** The connection was unlinked (DISCONNECTED) after the link was sent. */
  'CONNECTION_UNLINKED',
] as const;
export type ReconnectLinkRefusal = (typeof RECONNECT_LINK_REFUSALS)[number];

const REFUSAL_CODE: Readonly<Record<ReconnectLinkRefusal, ServiceErrorCode>> = {
  LINK_INVALID: 'NOT_FOUND',
  LINK_EXPIRED: 'BAD_USER_INPUT',
  LINK_ALREADY_USED: 'CONFLICT',
  CONNECTION_UNLINKED: 'CONFLICT',
};

const REFUSAL_MESSAGE: Readonly<Record<ReconnectLinkRefusal, string>> = {
  LINK_INVALID: 'This reconnect link is not valid',
  LINK_EXPIRED: 'This reconnect link has expired',
  LINK_ALREADY_USED: 'This reconnect link was already used',
  CONNECTION_UNLINKED: 'The connection of this reconnect link was unlinked',
};

export interface ReconnectLinkError extends ServiceError {
  readonly reason: ReconnectLinkRefusal;
}

export type ReconnectLinkResult<T> = { ok: true; value: T } | { ok: false; error: ReconnectLinkError };

const refused = (reason: ReconnectLinkRefusal): { ok: false; error: ReconnectLinkError } => ({
  ok: false,
  error: { code: REFUSAL_CODE[reason], message: REFUSAL_MESSAGE[reason], reason },
});

/** What a redeemed link lets its opener do: reconnect this connection, as its owner's account. */
export interface RedeemedReconnectLink {
  readonly linkId: string;
  readonly organizationId: string;
  readonly connectionId: string;
  /** The connection's owner. */
  readonly userId: string;
  readonly provider: ConnectionProvider;
}

export interface ReconnectLinkStore {
  /** A new link's token for a connection of the organization; null when there is no such connection. */
  issue(input: {
    organizationId: string;
    connectionId: string;
    ttlSeconds?: number;
  }): Promise<{ token: string; expiresAt: Date } | null>;
  /** Checks the token and uses it up, once. */
  redeem(token: string): Promise<ReconnectLinkResult<RedeemedReconnectLink>>;
  /** Gives a redeemed link back when what it was redeemed for could not start (nothing else changed). */
  release(linkId: string): Promise<void>;
}

const MAX_TOKEN_LENGTH = 256;

function linkKey(keyring: Keyring, keyId: string): Buffer | null {
  const key = keyring.keys[keyId];
  if (key === undefined) return null;
  return Buffer.from(hkdfSync('sha256', key, new Uint8Array(0), 'tsunagi/reconnect-link/v1', 32));
}

function mac(
  key: Buffer,
  binding: { id: string; organizationId: string; connectionId: string; expiresAt: Date },
) {
  return createHmac('sha256', key)
    .update(
      `${binding.id}\n${binding.organizationId}\n${binding.connectionId}\n${binding.expiresAt.toISOString()}`,
    )
    .digest('base64url');
}

export function createReconnectLinkStore(
  db: Database,
  keyring: Keyring,
  options: { now?: () => Date } = {},
): ReconnectLinkStore {
  const now = options.now ?? (() => new Date());

  return {
    async issue({ organizationId, connectionId, ttlSeconds = DEFAULT_RECONNECT_LINK_TTL_SECONDS }) {
      const connection = await db.query.connections.findFirst({
        where: (t, { and, eq }) => and(eq(t.organizationId, organizationId), eq(t.id, connectionId)),
        columns: { id: true },
      });
      if (connection === undefined) return null;
      const keyId = keyring.activeKeyId;
      const key = linkKey(keyring, keyId);
      if (key === null) throw new Error(`Active key "${keyId}" is not in the keyring`);
      const id = newId('rcl');
      // Whole milliseconds survive the round trip through timestamptz (microseconds) unchanged.
      const expiresAt = new Date(now().getTime() + ttlSeconds * 1000);
      await db.insert(reconnectLinks).values({ id, organizationId, connectionId, keyId, expiresAt });
      return { token: `${id}.${mac(key, { id, organizationId, connectionId, expiresAt })}`, expiresAt };
    },

    async redeem(token) {
      if (token.length > MAX_TOKEN_LENGTH) return refused('LINK_INVALID');
      const [id = '', signature = '', ...rest] = token.split('.');
      if (rest.length > 0 || !id.startsWith('rcl_') || signature === '') return refused('LINK_INVALID');
      const row = await db.query.reconnectLinks.findFirst({ where: (t, { eq }) => eq(t.id, id) });
      const key = row === undefined ? null : linkKey(keyring, row.keyId);
      if (row === undefined || key === null) return refused('LINK_INVALID');
      const expected = Buffer.from(mac(key, row));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given))
        return refused('LINK_INVALID');
      const at = now();
      if (row.usedAt !== null) return refused('LINK_ALREADY_USED');
      if (row.expiresAt.getTime() <= at.getTime()) return refused('LINK_EXPIRED');
      const connection = await db.query.connections.findFirst({
        where: (t, { and, eq }) => and(eq(t.organizationId, row.organizationId), eq(t.id, row.connectionId)),
        columns: { status: true, userId: true, provider: true },
      });
      if (connection === undefined) return refused('LINK_INVALID');
      if (connection.status === 'DISCONNECTED') return refused('CONNECTION_UNLINKED');
      // The checks that a race can change are re-stated in the UPDATE, which alone decides it.
      const [used] = await db
        .update(reconnectLinks)
        .set({ usedAt: at })
        .where(
          and(eq(reconnectLinks.id, id), isNull(reconnectLinks.usedAt), gt(reconnectLinks.expiresAt, at)),
        )
        .returning({ id: reconnectLinks.id });
      if (used === undefined) return refused('LINK_ALREADY_USED');
      return {
        ok: true,
        value: {
          linkId: id,
          organizationId: row.organizationId,
          connectionId: row.connectionId,
          userId: connection.userId,
          provider: connection.provider,
        },
      };
    },

    async release(linkId) {
      await db.update(reconnectLinks).set({ usedAt: null }).where(eq(reconnectLinks.id, linkId));
    },
  };
}
