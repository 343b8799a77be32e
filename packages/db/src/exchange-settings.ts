// Organization-level Exchange (Calendar Interop) settings. The secret is sealed like connection tokens
// and only `open` / `readSecret` open it; `get` never returns it.
import { eq } from 'drizzle-orm';
import { type Keyring, openSecret, sealSecret } from './crypto.js';
import type { Executor } from './database.js';
import { type ExchangeSettingsStatus, exchangeSettings, type StoredExchangeReport } from './schema.js';

export interface ExchangeSettingsView {
  readonly organizationId: string;
  readonly ewsUrl: string;
  readonly roleAccount: string;
  readonly applicationId: string | null;
  readonly status: ExchangeSettingsStatus;
  readonly lastReport: StoredExchangeReport | null;
  readonly lastTestedAt: Date | null;
  readonly updatedAt: Date;
}

export interface ExchangeSettingsInput {
  readonly ewsUrl: string;
  readonly roleAccount: string;
  readonly applicationId?: string | null;
  /** The role account password or the application's client secret, in clear; stored sealed. */
  readonly secret: string;
}

export interface ExchangeSettingsStore {
  /** The organization's settings without the secret, or null. */
  get(organizationId: string): Promise<ExchangeSettingsView | null>;
  /**
   * Seals the secret and stores the settings. With a report the status follows it (OK or BROKEN),
   * without one the settings are UNTESTED.
   */
  upsert(
    organizationId: string,
    input: ExchangeSettingsInput,
    report?: StoredExchangeReport,
  ): Promise<ExchangeSettingsView>;
  /** Records a test of the stored settings; null when the organization has none. */
  markTested(organizationId: string, report: StoredExchangeReport): Promise<ExchangeSettingsView | null>;
  /** The settings with the secret in clear, in one read, for the code that connects to Exchange. */
  open(organizationId: string): Promise<{ settings: ExchangeSettingsView; secret: string } | null>;
  /** The secret in clear. */
  readSecret(organizationId: string): Promise<string | null>;
}

/** What the sealed secret is bound to: another organization's row cannot be opened under this one's id. */
export const exchangeSecretContext = (organizationId: string) => `exchange_settings:${organizationId}`;

const viewColumns = {
  organizationId: exchangeSettings.organizationId,
  ewsUrl: exchangeSettings.ewsUrl,
  roleAccount: exchangeSettings.roleAccount,
  applicationId: exchangeSettings.applicationId,
  status: exchangeSettings.status,
  lastReport: exchangeSettings.lastReport,
  lastTestedAt: exchangeSettings.lastTestedAt,
  updatedAt: exchangeSettings.updatedAt,
};

function statusOf(report: StoredExchangeReport | undefined): ExchangeSettingsStatus {
  if (report === undefined) return 'UNTESTED';
  return report.ok ? 'OK' : 'BROKEN';
}

export function createExchangeSettingsStore(
  db: Executor,
  keyring: Keyring,
  options: { now?: () => Date } = {},
): ExchangeSettingsStore {
  const now = options.now ?? (() => new Date());
  const open: ExchangeSettingsStore['open'] = async (organizationId) => {
    const [row] = await db
      .select({ ...viewColumns, ciphertext: exchangeSettings.secretCiphertext })
      .from(exchangeSettings)
      .where(eq(exchangeSettings.organizationId, organizationId));
    if (row === undefined) return null;
    const { ciphertext, ...settings } = row;
    return { settings, secret: openSecret(keyring, ciphertext, exchangeSecretContext(organizationId)) };
  };
  return {
    async get(organizationId) {
      const [row] = await db
        .select(viewColumns)
        .from(exchangeSettings)
        .where(eq(exchangeSettings.organizationId, organizationId));
      return row ?? null;
    },
    async upsert(organizationId, input, report) {
      const at = now();
      const values = {
        ewsUrl: input.ewsUrl,
        roleAccount: input.roleAccount,
        applicationId: input.applicationId ?? null,
        keyId: keyring.activeKeyId,
        secretCiphertext: sealSecret(keyring, input.secret, exchangeSecretContext(organizationId)),
        status: statusOf(report),
        lastReport: report ?? null,
        lastTestedAt: report === undefined ? null : new Date(report.testedAt),
        updatedAt: at,
      };
      const [row] = await db
        .insert(exchangeSettings)
        .values({ organizationId, ...values })
        .onConflictDoUpdate({ target: exchangeSettings.organizationId, set: values })
        .returning(viewColumns);
      if (row === undefined) throw new Error('Upsert returned no exchange settings');
      return row;
    },
    async markTested(organizationId, report) {
      const [row] = await db
        .update(exchangeSettings)
        .set({
          status: statusOf(report),
          lastReport: report,
          lastTestedAt: new Date(report.testedAt),
          updatedAt: now(),
        })
        .where(eq(exchangeSettings.organizationId, organizationId))
        .returning(viewColumns);
      return row ?? null;
    },
    open,
    async readSecret(organizationId) {
      return (await open(organizationId))?.secret ?? null;
    },
  };
}
