// OAuth authorization requests in flight (connect and reconnect). The `state` handed to the provider is
// random and only its SHA-256 is stored; the PKCE verifier is sealed like any other secret.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, lt } from 'drizzle-orm';
import { oauthStateContext } from './credentials.js';
import { type Keyring, openSecret, sealSecret } from './crypto.js';
import type { Database } from './database.js';
import { newId } from './ids.js';
import { fail, ok, type Result } from './result.js';
import { type ConnectionProvider, connectionProvider, connections, oauthStates, users } from './schema.js';

export interface CreateOAuthStateInput {
  organizationId: string;
  userId: string;
  provider: ConnectionProvider;
  /** The connection being reconnected; omit when linking a new account. */
  connectionId?: string | null;
  redirectUri: string;
  codeVerifier: string;
  /** Default 10 minutes. */
  ttlSeconds?: number;
}

export interface OAuthAuthorization {
  organizationId: string;
  userId: string;
  provider: ConnectionProvider;
  connectionId: string | null;
  redirectUri: string;
  codeVerifier: string;
}

export interface OAuthStateStore {
  create(input: CreateOAuthStateInput): Promise<Result<{ state: string; expiresAt: Date }>>;
  /** Redeems a state exactly once: NOT_FOUND if unknown, CONFLICT if already used, BAD_USER_INPUT if expired. */
  consume(state: string): Promise<Result<OAuthAuthorization>>;
  /** Deletes states that expired before `before` (default now); returns how many. */
  purgeExpired(before?: Date): Promise<number>;
}

const hashState = (state: string) => createHash('sha256').update(state, 'utf8').digest('hex');

export function createOAuthStateStore(
  db: Database,
  keyring: Keyring,
  options: { now?: () => Date } = {},
): OAuthStateStore {
  const now = options.now ?? (() => new Date());
  return {
    async create(input) {
      if (!(connectionProvider.enumValues as readonly string[]).includes(input.provider)) {
        return fail('BAD_USER_INPUT', `Unknown provider ${String(input.provider)}`, 'provider');
      }
      if (!URL.canParse(input.redirectUri))
        return fail('BAD_USER_INPUT', 'redirectUri is not a URL', 'redirectUri');
      if (input.codeVerifier.length < 43 || input.codeVerifier.length > 128) {
        return fail('BAD_USER_INPUT', 'A PKCE code verifier has 43 to 128 characters', 'codeVerifier');
      }
      const [user] = await db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.organizationId, input.organizationId), eq(users.id, input.userId)));
      if (user === undefined) return fail('NOT_FOUND', `No user ${input.userId}`);
      if (input.connectionId) {
        const [connection] = await db
          .select({ userId: connections.userId, provider: connections.provider })
          .from(connections)
          .where(
            and(eq(connections.organizationId, input.organizationId), eq(connections.id, input.connectionId)),
          );
        if (connection === undefined) return fail('NOT_FOUND', `No connection ${input.connectionId}`);
        if (connection.userId !== input.userId || connection.provider !== input.provider) {
          return fail('BAD_USER_INPUT', 'The connection belongs to another user or provider', 'connectionId');
        }
      }
      const id = newId('oas');
      const state = randomBytes(32).toString('base64url');
      const createdAt = now();
      const expiresAt = new Date(createdAt.getTime() + (input.ttlSeconds ?? 600) * 1000);
      await db.insert(oauthStates).values({
        id,
        organizationId: input.organizationId,
        userId: input.userId,
        provider: input.provider,
        connectionId: input.connectionId ?? null,
        stateHash: hashState(state),
        keyId: keyring.activeKeyId,
        codeVerifierCiphertext: sealSecret(keyring, input.codeVerifier, oauthStateContext(id)),
        redirectUri: input.redirectUri,
        expiresAt,
        createdAt,
      });
      return ok({ state, expiresAt });
    },

    async consume(state) {
      const at = now();
      const stateHash = hashState(state);
      // One UPDATE decides the race between two callbacks carrying the same state.
      const [row] = await db
        .update(oauthStates)
        .set({ usedAt: at })
        .where(and(eq(oauthStates.stateHash, stateHash), isNull(oauthStates.usedAt)))
        .returning();
      if (row === undefined) {
        const [existing] = await db
          .select({ id: oauthStates.id })
          .from(oauthStates)
          .where(eq(oauthStates.stateHash, stateHash));
        return existing === undefined
          ? fail('NOT_FOUND', 'Unknown authorization state')
          : fail('CONFLICT', 'This authorization state was already used');
      }
      if (row.expiresAt.getTime() <= at.getTime())
        return fail('BAD_USER_INPUT', 'The authorization state expired');
      return ok({
        organizationId: row.organizationId,
        userId: row.userId,
        provider: row.provider,
        connectionId: row.connectionId,
        redirectUri: row.redirectUri,
        codeVerifier: openSecret(keyring, row.codeVerifierCiphertext, oauthStateContext(row.id)),
      });
    },

    async purgeExpired(before) {
      const deleted = await db
        .delete(oauthStates)
        .where(lt(oauthStates.expiresAt, before ?? now()))
        .returning({ id: oauthStates.id });
      return deleted.length;
    },
  };
}
