// EXCHANGE calendar connections: no OAuth per user. Every mailbox of an organization is read through its
// Calendar Interop settings (EWS URL, role account, optional application), so a connection's probe is one EWS
// availability lookup for its mailbox with the organization's sealed secret, and an organization without
// settings gets the seed's "Interop not configured".
import { type ExchangeSettingsStore, type StoredExchangeReport, storedError } from '@tsunagi/db';
import { classifyProviderError, ProviderError } from '@tsunagi/errors';
import { ExchangeCalendarProbe, type ExchangeConnectionReport, type ProbeResult } from '@tsunagi/providers';

/** How the gateway reaches Exchange servers (the analyzer and the probes alike). */
export interface ExchangeAnalyzerOptions {
  /** PEM CAs to trust instead of the system store. */
  readonly trustedCa?: readonly string[];
  readonly resolveHost?: (host: string) => Promise<string>;
  readonly timeoutMs?: number;
  /** The Microsoft identity platform for settings with an application id (default login.microsoftonline.com). */
  readonly identityAuthority?: string;
}

export interface ExchangeAccess {
  readonly settings: ExchangeSettingsStore;
  /** The same options the analyzer uses, read at each probe. */
  readonly reach: ExchangeAnalyzerOptions;
}

/** The reach options without undefined members (exactOptionalPropertyTypes). */
export function reachOptions(options: ExchangeAnalyzerOptions) {
  return {
    ...(options.trustedCa === undefined ? {} : { trustedCa: options.trustedCa }),
    ...(options.resolveHost === undefined ? {} : { resolveHost: options.resolveHost }),
    ...(options.identityAuthority === undefined ? {} : { identityAuthority: options.identityAuthority }),
    timeoutMs: options.timeoutMs ?? 10_000,
  };
}

/** The organization has no Interop settings: nothing can read its Exchange mailboxes. */
export function interopNotConfigured(): ProviderError {
  return new ProviderError(
    classifyProviderError({ provider: 'google-interop', body: 'Interop is not configured' }),
  );
}

/** One availability lookup for `mailbox` with the organization's settings; failures throw ProviderError. */
export async function probeExchangeMailbox(
  access: ExchangeAccess,
  organizationId: string,
  mailbox: string,
  signal?: AbortSignal,
): Promise<ProbeResult> {
  const opened = await access.settings.open(organizationId);
  if (opened === null) throw interopNotConfigured();
  const { settings, secret } = opened;
  const probe = new ExchangeCalendarProbe({
    ewsUrl: settings.ewsUrl,
    username: settings.roleAccount,
    password: secret,
    mailbox,
    ...(settings.applicationId === null ? {} : { applicationId: settings.applicationId }),
    ...reachOptions(access.reach),
  });
  const result = await probe.probe(signal);
  // The probe names the role account; the connection's account is the mailbox.
  return { ...result, account: { externalId: exchangeAccountId(mailbox), email: mailbox } };
}

/** A mailbox's account id: one EXCHANGE connection per mailbox and organization. */
export function exchangeAccountId(mailbox: string): string {
  return `exchange:${mailbox.trim().toLowerCase()}`;
}

/** The analyzer's report as the settings row keeps it (and GraphQL returns it): errors classified and dated. */
export function storedReport(report: ExchangeConnectionReport, testedAt = new Date()): StoredExchangeReport {
  return {
    ok: report.ok,
    steps: report.steps.map((step) => ({
      id: step.id,
      status: step.status,
      detail: step.detail,
      error: step.classification === undefined ? null : storedError(step.classification, testedAt),
    })),
    testedAt: testedAt.toISOString(),
  };
}
