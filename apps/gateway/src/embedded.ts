// Embedded (PGlite) mode keeps its generated secrets beside the data directory, so restarts and the
// `token` command agree with the running server. Postgres deployments pass them in the environment.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { generateCredentialsKeys, generateJwtSecret } from './env.js';

const secretsSchema = z.object({ jwtSecret: z.string().min(32), credentialsKeys: z.string().min(1) });
export type EmbeddedSecrets = z.infer<typeof secretsSchema>;

export function embeddedSecretsFile(pgliteDataDir: string): string {
  return join(dirname(resolve(pgliteDataDir)), 'gateway-secrets.json');
}

/** Reads the secrets file, creating it (mode 0600) on first use. `created` says whether it was just made. */
export function loadOrCreateEmbeddedSecrets(file: string): EmbeddedSecrets & { created: boolean } {
  if (existsSync(file)) {
    const parsed = secretsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success)
      throw new Error(`${file} is not a valid gateway secrets file; delete it to regenerate`);
    return { ...parsed.data, created: false };
  }
  const secrets: EmbeddedSecrets = {
    jwtSecret: generateJwtSecret(),
    credentialsKeys: generateCredentialsKeys(),
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return { ...secrets, created: true };
}
