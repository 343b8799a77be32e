// `tsunagi keys rotate`: re-seals every secret at rest (provider tokens, PKCE verifiers, Interop passwords,
// webhook signing secrets) under the active key of CREDENTIALS_KEYS, so an old key can then be dropped. Safe
// to run while gateways serve (short transactions, row locks) and to repeat (what is current is skipped).
import { parseKeyring, rotateCredentials } from '@tsunagi/db';
import { type CliIo, CliUsageError } from '../io.js';
import { withDatabase } from './database.js';
import { credentialsKeys, databaseUrl, describeDatabase, loadEnvironment } from './environment.js';
import { parseCommand, print } from './output.js';

export const KEYS_USAGE = `tsunagi keys rotate [--env-file .env] [--json]
  Re-seals every stored secret under the first (active) key of CREDENTIALS_KEYS. To rotate: put a new key
  first (CREDENTIALS_KEYS=k2:<32 random bytes, base64>,k1:<old>), restart the gateways, run this, then drop
  k1 once RECONNECT_LINK_TTL_HOURS have passed (links already e-mailed are signed with it).`;

export async function runKeys(args: readonly string[], io: CliIo): Promise<number> {
  const [subcommand, ...rest] = args;
  switch (subcommand?.startsWith('-') ? undefined : subcommand) {
    case 'rotate':
      return rotate(rest, io);
    case undefined:
      throw new CliUsageError('keys needs a subcommand: rotate');
    default:
      throw new CliUsageError(`unknown keys subcommand "${subcommand}" (try: rotate)`);
  }
}

async function rotate(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommand(args, {});
  const environment = await loadEnvironment(io, values['env-file']);
  const url = databaseUrl(environment);
  const keyring = parseKeyring(credentialsKeys(environment));
  const report = await withDatabase(url, async ({ db }) => {
    try {
      return await rotateCredentials(db, keyring);
    } catch (error) {
      // The batch in hand rolled back; the ones before it are done, and a second run continues. By name, not
      // instanceof: the CLI may load another copy of @tsunagi/db.
      if ((error as Error | null)?.name === 'SecretDecryptionError')
        throw new CliUsageError(
          `a stored secret does not open with CREDENTIALS_KEYS (${(error as Error).message}): keep every old key after the new one until the rotation has run`,
        );
      throw error;
    }
  });
  const total = Object.values(report).reduce((sum, count) => sum + count, 0);
  print(
    io,
    values.json,
    { database: describeDatabase(url), activeKeyId: keyring.activeKeyId, ...report },
    total === 0
      ? `Every secret in ${describeDatabase(url)} is already sealed under ${keyring.activeKeyId}; nothing written`
      : [
          `Re-sealed under ${keyring.activeKeyId} in ${describeDatabase(url)}:`,
          `  provider credentials  ${report.credentials}`,
          `  OAuth states          ${report.oauthStates}`,
          `  Interop settings      ${report.exchangeSettings}`,
          `  webhook secrets       ${report.webhookSecrets}`,
        ].join('\n'),
  );
  return 0;
}
