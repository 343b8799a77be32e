// Arguments that name a user or a booking page take our id (`usr_…`, `pg_…`) or `ext:<the product's external
// id>`, so the product never has to store our ids. This is the one place that turns them into our ids: once
// per request, batched (one query per kind however many arguments ask), tenant-scoped.
import { INPUT_LIMITS } from '@tsunagi/db';
import type DataLoader from 'dataloader';
import type { GatewayContext } from '../context.js';
import { badInput } from '../errors.js';
import { checkCount, checkId } from '../validation.js';

/** Marks an argument as the product's external id. None of our ids starts with it. */
export const EXTERNAL_ID_PREFIX = 'ext:';

const MAX_EXTERNAL_ID = INPUT_LIMITS.externalIdLength;
// Identifiers, not text: an external id with control characters is a caller's mistake, not an id.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/** What an argument names: our id as given, or the external id after `ext:`. BAD_USER_INPUT for neither. */
export function parseReference(value: string, field: string): { id: string } | { externalId: string } {
  if (!value.startsWith(EXTERNAL_ID_PREFIX)) return { id: checkId(value, field) };
  const externalId = value.slice(EXTERNAL_ID_PREFIX.length);
  if (externalId.length === 0) {
    throw badInput(`${field} names no external id: write ${EXTERNAL_ID_PREFIX}<the external id>`, field);
  }
  if (externalId.length > MAX_EXTERNAL_ID) {
    throw badInput(`${field} has an external id longer than ${MAX_EXTERNAL_ID} characters`, field);
  }
  if (CONTROL_CHARACTER.test(externalId)) {
    throw badInput(`${field} has control characters in its external id`, field);
  }
  return { externalId };
}

/** Every value is checked before any is looked up, so bad input never costs a query. */
async function resolve(
  loader: DataLoader<string, string | null>,
  values: readonly string[],
  field: string,
): Promise<string[]> {
  const parsed = values.map((value) => parseReference(value, field));
  const ids = await loader.loadMany(parsed.flatMap((ref) => ('externalId' in ref ? [ref.externalId] : [])));
  let next = 0;
  return parsed.map((ref, index) => {
    if ('id' in ref) return ref.id;
    const id = ids[next++];
    if (id instanceof Error) throw id;
    // An external id that names nothing stays as given: no row has an `ext:` id, so the field answers
    // exactly as it does for any unknown id (NOT_FOUND, FORBIDDEN or null, whatever the field says).
    return id ?? (values[index] as string);
  });
}

/** Our id of the user `value` names (`usr_…` or `ext:…`) in the viewer's organization. */
export async function resolveUserId(context: GatewayContext, value: string, field: string): Promise<string> {
  const [id] = await resolve(context.loaders.userIdByExternalId, [value], field);
  return id as string;
}

/** As resolveUserId for a list of at most `max` users (in one batch). */
export function resolveUserIds(
  context: GatewayContext,
  values: readonly string[],
  field: string,
  max: number,
): Promise<string[]> {
  return resolve(context.loaders.userIdByExternalId, checkCount(values, field, max), field);
}

/** Our id of the booking page `value` names (`pg_…` or `ext:…`) in the viewer's organization. */
export async function resolvePageId(context: GatewayContext, value: string, field: string): Promise<string> {
  const [id] = await resolve(context.loaders.pageIdByExternalId, [value], field);
  return id as string;
}
