// Small shared pieces: status labels with their icon, the live message of an action, provider names.
import type { Types } from '@tsunagi/sdk';
import type { ComponentChildren } from 'preact';
import { useConsole } from './context.js';
import type { MessageKey, Translate } from './i18n/index.js';

export const PROVIDER_NAMES: Record<Types.Provider, string> = {
  GOOGLE_CALENDAR: 'Google Calendar',
  MICROSOFT_CALENDAR: 'Microsoft 365',
  MICROSOFT_TEAMS: 'Microsoft Teams',
  ZOOM: 'Zoom',
  EXCHANGE: 'Exchange',
};

export const providerName = (provider: Types.Provider | null | undefined) =>
  provider == null ? '' : PROVIDER_NAMES[provider];

/** The connection-error icon: a red circle with an exclamation mark (its meaning is in the label beside it). */
export function ErrorIcon() {
  return (
    <svg class="icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="8" fill="#b42318" />
      <rect x="7" y="3.5" width="2" height="6" fill="#fff" />
      <rect x="7" y="11" width="2" height="2" fill="#fff" />
    </svg>
  );
}

export function ConnectionStatusLabel({ status }: { status: Types.ConnectionStatus }) {
  const { t } = useConsole();
  return (
    <span class={`status status-${status.toLowerCase()}`}>
      {status === 'ERROR' ? <ErrorIcon /> : null}
      {t(`status.${status}`)}
    </span>
  );
}

export function PageStateLabel({ state }: { state: Types.BookingPageState }) {
  const { t } = useConsole();
  return (
    <span class={`status state-${state.toLowerCase()}`}>
      {state === 'DISABLED_CONNECTION_ERROR' ? <ErrorIcon /> : null}
      {t(`state.${state}`)}
    </span>
  );
}

export function LiveMessage({ message }: { message: string | null }) {
  return <output class="live">{message ?? ''}</output>;
}

export function Failure({ error }: { error: Error | undefined }) {
  const { t } = useConsole();
  if (error === undefined) return null;
  const forbidden = (error as { code?: string }).code === 'FORBIDDEN';
  return (
    <p class="failure">
      {forbidden ? t('common.forbidden') : t('common.failed', { message: error.message })}
    </p>
  );
}

export function Screen({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>
        {title}
      </h1>
      {children}
    </section>
  );
}

/** Why an AT_RISK connection will break (the gateway's rule code), in the viewer's language. */
const AT_RISK_REASONS = new Set([
  'GOOGLE_TESTING_APP_GRANT_EXPIRY',
  'GOOGLE_GRANT_INACTIVITY',
  'GOOGLE_GRANT_LIMIT',
  'MICROSOFT_REFRESH_TOKEN_INACTIVITY',
  'APP_CREDENTIAL_EXPIRY',
  'MISSING_SCOPES',
  'EXCHANGE_CERTIFICATE_EXPIRY',
]);

export function atRiskReason(t: Translate, reason: string | null | undefined): string {
  if (reason == null) return '';
  // A rule this console does not know yet is shown by its code rather than hidden.
  return AT_RISK_REASONS.has(reason) ? t(`atRisk.${reason}` as MessageKey) : reason;
}
