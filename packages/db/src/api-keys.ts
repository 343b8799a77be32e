// API keys for services and operators: a random secret shown once, kept only as its SHA-256.
//
// A plain SHA-256 (no salt, no slow hash) is right here because the secret is 32 random bytes: 256 bits of
// entropy cannot be guessed or looked up in a table, so a slow KDF (bcrypt, scrypt, argon2) would buy
// nothing but a cost on every request. Those exist for low-entropy passwords. An unsalted digest also lets
// the key be found by an indexed lookup on its hash, with no key id in the secret.
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import type { Executor } from './database.js';
import { newId } from './ids.js';
import { type ApiKeyRole, type ApiKeyRow, apiKeys } from './schema.js';

/** Every key starts so: secret scanners and people can tell a Tsunagi key at a glance. */
export const API_KEY_PREFIX = 'tsk_';
const API_KEY_PATTERN = /^tsk_[A-Za-z0-9_-]{43}$/;
/** `last_used_at` is written at most this often per key, not once per request. */
export const API_KEY_TOUCH_INTERVAL_MS = 60_000;

/** A key as anyone may see it: never the secret, never its hash. */
export type ApiKeyView = Omit<ApiKeyRow, 'secretHash'>;

export interface CreateApiKeyInput {
  readonly organizationId: string;
  readonly name: string;
  readonly role: ApiKeyRole;
  /** Required for MEMBER and ADMIN keys (they act as this user); absent for SERVICE keys. */
  readonly userId?: string | null;
}

/** Whether `value` has the shape of an API key (as opposed to a JWT). */
export function isApiKey(value: string): boolean {
  return value.startsWith(API_KEY_PREFIX);
}

function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

function view({ secretHash: _hash, ...rest }: ApiKeyRow): ApiKeyView {
  return rest;
}

/** Creates a key; `secret` is returned this once and never stored. */
export async function createApiKey(
  db: Executor,
  input: CreateApiKeyInput,
): Promise<{ key: ApiKeyView; secret: string }> {
  const needsUser = input.role !== 'SERVICE';
  if (needsUser !== (input.userId !== undefined && input.userId !== null)) {
    throw new Error(needsUser ? `A ${input.role} key acts as a user` : 'A SERVICE key names no user');
  }
  const secret = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const [row] = await db
    .insert(apiKeys)
    .values({
      id: newId('key'),
      organizationId: input.organizationId,
      userId: needsUser ? (input.userId ?? null) : null,
      name: input.name,
      role: input.role,
      secretHash: digest(secret),
    })
    .returning();
  if (row === undefined) throw new Error('Insert returned no API key');
  return { key: view(row), secret };
}

/** The live (unrevoked) key whose secret this is, or null. */
export async function findApiKey(db: Executor, secret: string): Promise<ApiKeyView | null> {
  if (!API_KEY_PATTERN.test(secret)) return null;
  const [row = null] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.secretHash, digest(secret)), isNull(apiKeys.revokedAt)))
    .limit(1);
  return row === null ? null : view(row);
}

/** Key `id` of whichever organization, revoked or not, or null: for operators, who work across tenants. */
export async function findApiKeyById(db: Executor, id: string): Promise<ApiKeyView | null> {
  const [row = null] = await db.select().from(apiKeys).where(eq(apiKeys.id, id)).limit(1);
  return row === null ? null : view(row);
}

/** The live key `id` of the organization, or null: how a long-lived socket re-checks its key. */
export async function liveApiKey(
  db: Executor,
  organizationId: string,
  id: string,
): Promise<ApiKeyView | null> {
  const [row = null] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.organizationId, organizationId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .limit(1);
  return row === null ? null : view(row);
}

/**
 * Records a use. Skips the write when the key was marked within the interval; the condition in the UPDATE
 * keeps several processes from writing it more than once per interval too.
 */
export async function touchApiKey(db: Executor, key: ApiKeyView, now = new Date()): Promise<boolean> {
  const threshold = new Date(now.getTime() - API_KEY_TOUCH_INTERVAL_MS);
  if (key.lastUsedAt !== null && key.lastUsedAt > threshold) return false;
  const updated = await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKeys.id, key.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, threshold))))
    .returning({ id: apiKeys.id });
  return updated.length > 0;
}

/** The organization's keys, newest first, revoked ones included (with their revocation time). */
export async function listApiKeys(db: Executor, organizationId: string): Promise<ApiKeyView[]> {
  const rows = await db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.organizationId, organizationId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map(view);
}

/** Revokes the organization's key `id`; null when it has no such key. Revoking twice keeps the first time. */
export async function revokeApiKey(
  db: Executor,
  organizationId: string,
  id: string,
  now = new Date(),
): Promise<ApiKeyView | null> {
  await db
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(eq(apiKeys.organizationId, organizationId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)));
  const [row = null] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.organizationId, organizationId), eq(apiKeys.id, id)))
    .limit(1);
  return row === null ? null : view(row);
}
