// OAuth authorization requests in flight (connect and reconnect). The `state` handed to the provider is
// random and only its SHA-256 is stored; the PKCE verifier is sealed like any other secret.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import { oauthStateContext } from './credentials.js';
import { type Keyring, openSecret, sealSecret } from './crypto.js';
import type { Database } from './database.js';
import { newId } from './ids.js';
import { fail, ok, type Result, type ServiceError, type ServiceErrorCode } from './result.js';
import { type ConnectionProvider, connectionProvider, connections, oauthStates, users } from './schema.js';

export interface CreateOAuthStateInput {
  organizationId: string;
  userId: string;
  provider: ConnectionProvider;
  /** The connection being reconnected; omit when linking a new account. */
  connectionId?: string | null;
  redirectUri: string;
  codeVerifier: string;
  /** The user who starts the flow (default `userId`); only they may bind a browser to it or finish it. */
  startedBy?: string;
  /** Where the callback sends the browser afterwards; null answers with a page. */
  returnUrl?: string | null;
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
  startedBy: string;
  returnUrl: string | null;
  /** When the flow started: an unlink after this moment wins over the reconnect. */
  createdAt: Date;
  expiresAt: Date;
}

/** Why a state was refused (extensions.reason). A refused state is not used up: its rightful owner can still finish. */
export const OAUTH_STATE_REFUSALS = [
  /** No such state, or another organization's (the two read alike). */
  'STATE_NOT_FOUND',
  'STATE_ALREADY_USED',
  'STATE_EXPIRED',
  /** Presented on another provider's callback route. */
  'PROVIDER_MISMATCH',
  /** Someone other than the user who started the flow. */
  'STARTED_BY_ANOTHER_USER',
  /** A browser binding was asked for a flow that already has one. */
  'BROWSER_ALREADY_BOUND',
  /** The callback came to a browser that is not the one bound to the flow (or to no bound browser). */
  'OTHER_BROWSER',
] as const;
export type OAuthStateRefusal = (typeof OAUTH_STATE_REFUSALS)[number];

/** The service error each refusal reads as (its `reason` says which). */
const REFUSAL_CODE: Readonly<Record<OAuthStateRefusal, ServiceErrorCode>> = {
  STATE_NOT_FOUND: 'NOT_FOUND',
  STATE_ALREADY_USED: 'CONFLICT',
  STATE_EXPIRED: 'BAD_USER_INPUT',
  PROVIDER_MISMATCH: 'BAD_USER_INPUT',
  STARTED_BY_ANOTHER_USER: 'FORBIDDEN',
  BROWSER_ALREADY_BOUND: 'CONFLICT',
  OTHER_BROWSER: 'FORBIDDEN',
};

const REFUSAL_MESSAGE: Readonly<Record<OAuthStateRefusal, string>> = {
  STATE_NOT_FOUND: 'Unknown authorization state',
  STATE_ALREADY_USED: 'This authorization state was already used',
  STATE_EXPIRED: 'The authorization state expired',
  PROVIDER_MISMATCH: 'The callback is for another provider',
  STARTED_BY_ANOTHER_USER: 'Another user started this authorization; only they can finish it',
  BROWSER_ALREADY_BOUND: 'This authorization is already bound to a browser',
  OTHER_BROWSER:
    'This authorization was started in another browser; nothing was linked. Start it again from the app in this browser',
};

export interface OAuthStateError extends ServiceError {
  readonly reason: OAuthStateRefusal;
}

export type OAuthStateResult<T> = { ok: true; value: T } | { ok: false; error: OAuthStateError };

const refused = (reason: OAuthStateRefusal): { ok: false; error: OAuthStateError } => ({
  ok: false,
  error: { code: REFUSAL_CODE[reason], message: REFUSAL_MESSAGE[reason], reason },
});

/** What the presenter of a state must match; every condition given is checked before the state is used. */
export interface OAuthStateConditions {
  organizationId?: string;
  /** The provider of the callback route the state came back on (any string a URL can carry). */
  provider?: string;
  startedBy?: string;
  /** The secret of the browser's binding cookie (null when the request carried none). */
  browserSecret?: string | null;
}

export interface OAuthStateStore {
  create(input: CreateOAuthStateInput): Promise<Result<{ state: string; expiresAt: Date }>>;
  /** Binds the starting browser to a pending state, once: stores only the SHA-256 of `browserSecret`. */
  bindBrowser(
    state: string,
    conditions: { organizationId: string; startedBy: string },
    browserSecret: string,
  ): Promise<OAuthStateResult<OAuthAuthorization>>;
  /** Redeems a state exactly once, if it meets `conditions`; a refused state stays usable. */
  consume(state: string, conditions?: OAuthStateConditions): Promise<OAuthStateResult<OAuthAuthorization>>;
  /** A state without using it or opening its verifier (where its browser should go, even after a refusal). */
  peek(state: string): Promise<Omit<OAuthAuthorization, 'codeVerifier'> | null>;
  /** Deletes states that expired before `before` (default now); returns how many. */
  purgeExpired(before?: Date): Promise<number>;
}

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');

type StateRow = typeof oauthStates.$inferSelect;

export function createOAuthStateStore(
  db: Database,
  keyring: Keyring,
  options: { now?: () => Date } = {},
): OAuthStateStore {
  const now = options.now ?? (() => new Date());

  const summary = (row: StateRow): Omit<OAuthAuthorization, 'codeVerifier'> => ({
    organizationId: row.organizationId,
    userId: row.userId,
    provider: row.provider,
    connectionId: row.connectionId,
    redirectUri: row.redirectUri,
    startedBy: row.startedBy ?? row.userId,
    returnUrl: row.returnUrl,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
  });
  const authorization = (row: StateRow): OAuthAuthorization => ({
    ...summary(row),
    codeVerifier: openSecret(keyring, row.codeVerifierCiphertext, oauthStateContext(row.id)),
  });

  /** Why `row` fails `conditions` at `at`, in the order a presenter should learn it; null if it passes. */
  function refusalOf(
    row: StateRow | undefined,
    conditions: OAuthStateConditions,
    at: Date,
  ): OAuthStateRefusal | null {
    if (row === undefined) return 'STATE_NOT_FOUND';
    if (conditions.organizationId !== undefined && row.organizationId !== conditions.organizationId)
      return 'STATE_NOT_FOUND';
    if (row.usedAt !== null) return 'STATE_ALREADY_USED';
    if (row.expiresAt.getTime() <= at.getTime()) return 'STATE_EXPIRED';
    if (conditions.provider !== undefined && row.provider !== conditions.provider) return 'PROVIDER_MISMATCH';
    if (conditions.startedBy !== undefined && (row.startedBy ?? row.userId) !== conditions.startedBy)
      return 'STARTED_BY_ANOTHER_USER';
    if (
      conditions.browserSecret !== undefined &&
      (row.browserBindingHash === null ||
        conditions.browserSecret === null ||
        row.browserBindingHash !== sha256(conditions.browserSecret))
    )
      return 'OTHER_BROWSER';
    return null;
  }

  const rowFor = async (state: string) =>
    (
      await db
        .select()
        .from(oauthStates)
        .where(eq(oauthStates.stateHash, sha256(state)))
    )[0];

  return {
    async create(input) {
      if (!(connectionProvider.enumValues as readonly string[]).includes(input.provider)) {
        return fail('BAD_USER_INPUT', `Unknown provider ${String(input.provider)}`, 'provider');
      }
      if (!URL.canParse(input.redirectUri))
        return fail('BAD_USER_INPUT', 'redirectUri is not a URL', 'redirectUri');
      if (input.returnUrl != null && !URL.canParse(input.returnUrl))
        return fail('BAD_USER_INPUT', 'returnUrl is not a URL', 'returnUrl');
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
        stateHash: sha256(state),
        keyId: keyring.activeKeyId,
        codeVerifierCiphertext: sealSecret(keyring, input.codeVerifier, oauthStateContext(id)),
        redirectUri: input.redirectUri,
        startedBy: input.startedBy ?? input.userId,
        returnUrl: input.returnUrl ?? null,
        expiresAt,
        createdAt,
      });
      return ok({ state, expiresAt });
    },

    async bindBrowser(state, conditions, browserSecret) {
      const at = now();
      const stateHash = sha256(state);
      // One conditional UPDATE: of two binding attempts only one browser wins, and a refused one changes nothing.
      const [row] = await db
        .update(oauthStates)
        .set({ browserBindingHash: sha256(browserSecret) })
        .where(
          and(
            eq(oauthStates.stateHash, stateHash),
            eq(oauthStates.organizationId, conditions.organizationId),
            eq(oauthStates.startedBy, conditions.startedBy),
            isNull(oauthStates.usedAt),
            isNull(oauthStates.browserBindingHash),
            gt(oauthStates.expiresAt, at),
          ),
        )
        .returning();
      if (row !== undefined) return { ok: true, value: authorization(row) };
      const existing = await rowFor(state);
      return refused(refusalOf(existing, conditions, at) ?? 'BROWSER_ALREADY_BOUND');
    },

    async consume(state, conditions = {}) {
      const at = now();
      const existing = await rowFor(state);
      const refusal = refusalOf(existing, conditions, at);
      if (refusal !== null || existing === undefined) return refused(refusal ?? 'STATE_NOT_FOUND');
      // The checks above are re-stated in the UPDATE, which alone decides a race between two presenters.
      const [row] = await db
        .update(oauthStates)
        .set({ usedAt: at })
        .where(
          and(
            eq(oauthStates.id, existing.id),
            isNull(oauthStates.usedAt),
            existing.browserBindingHash === null
              ? isNull(oauthStates.browserBindingHash)
              : eq(oauthStates.browserBindingHash, existing.browserBindingHash),
          ),
        )
        .returning();
      if (row === undefined) return refused('STATE_ALREADY_USED');
      return { ok: true, value: authorization(row) };
    },

    async peek(state) {
      const row = await rowFor(state);
      return row === undefined ? null : summary(row);
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
