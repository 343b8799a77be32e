// The integrations list (サービス連携一覧): All / Connected / Not connected tabs; a broken integration shows the
// connection-error icon and label; each account its status, health, last check, last error and actions.
import {
  CheckConnectionMutation,
  IntegrationsQuery,
  type ResultOf,
  type Types,
  UnlinkConnectionMutation,
} from '@tsunagi/sdk';
import { useEffect, useRef } from 'preact/hooks';
import {
  atRiskReason,
  ConnectionStatusLabel,
  Failure,
  LiveMessage,
  providerName,
  Screen,
} from '../components.js';
import { useAction, useConsole, useLoad } from '../context.js';
import { apiLocale } from '../i18n/index.js';
import { reconnect } from '../reconnect.js';
import { navigate, type Route } from '../router.js';

const TABS: readonly Types.IntegrationTab[] = ['ALL', 'CONNECTED', 'NOT_CONNECTED'];
type Integration = ResultOf<typeof IntegrationsQuery>['integrations'][number];

export function IntegrationsScreen({ route }: { route: Route }) {
  const { client, t, locale } = useConsole();
  const requested = route.query.get('tab');
  const tab = TABS.find((candidate) => candidate === requested) ?? 'ALL';
  const { data, error } = useLoad(
    () => client.query(IntegrationsQuery, { tab, locale: apiLocale(locale) }),
    [tab, locale],
  );
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  // Arrow keys move between tabs (WAI-ARIA Authoring Practices, tabs pattern).
  const onKey = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    const next = (index + step + TABS.length) % TABS.length;
    navigate(`/integrations?tab=${TABS[next]}`, { replace: true });
    tabs.current[next]?.focus();
  };
  return (
    <Screen title={t('integrations.title')}>
      <OAuthOutcome route={route} />
      <div role="tablist" aria-label={t('integrations.tabs')}>
        {TABS.map((candidate, index) => (
          <button
            key={candidate}
            ref={(element) => {
              tabs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`tab-${candidate}`}
            aria-selected={candidate === tab}
            aria-controls="integrations-panel"
            tabIndex={candidate === tab ? 0 : -1}
            onClick={() => navigate(`/integrations?tab=${candidate}`, { replace: true })}
            onKeyDown={(event) => onKey(event, index)}
          >
            {t(`tab.${candidate}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="integrations-panel" aria-labelledby={`tab-${tab}`}>
        <Failure error={error} />
        {data === undefined ? (
          error ? null : (
            <output>{t('common.loading')}</output>
          )
        ) : data.integrations.length === 0 ? (
          <p>{t('integrations.empty')}</p>
        ) : (
          data.integrations.map((integration) => (
            <IntegrationCard key={integration.provider} integration={integration} />
          ))
        )}
      </div>
    </Screen>
  );
}

function IntegrationCard({ integration }: { integration: Integration }) {
  const { client, token, t, date } = useConsole();
  const action = useAction();
  const name = providerName(integration.provider);
  const accounts = integration.accounts.filter((account) => account.status !== 'DISCONNECTED');
  return (
    <article
      class="card"
      data-provider={integration.provider}
      aria-labelledby={`integration-${integration.provider}`}
    >
      <h2 id={`integration-${integration.provider}`}>
        {name} <ConnectionStatusLabel status={integration.status} />
      </h2>
      {accounts.length === 0 ? (
        <p>{t('integrations.noAccounts')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('col.account')}</th>
              <th scope="col">{t('col.status')}</th>
              <th scope="col">{t('col.health')}</th>
              <th scope="col">{t('col.lastCheck')}</th>
              <th scope="col">{t('col.lastError')}</th>
              <th scope="col">{t('col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => {
              const label = account.accountEmail ?? name;
              return (
                <tr key={account.id} data-connection={account.id}>
                  <th scope="row">{label}</th>
                  <td>
                    <ConnectionStatusLabel status={account.status} />
                  </td>
                  <td>
                    {t(`health.${account.health}`)}
                    {account.health === 'AT_RISK' && account.breaksAt ? (
                      <p class="warning" data-testid="breaks-at">
                        {t('foresight.breaksAt', { when: date(account.breaksAt) })}{' '}
                        {atRiskReason(t, account.atRiskReason)}
                      </p>
                    ) : null}
                  </td>
                  <td>{date(account.lastCheckedAt)}</td>
                  <td>
                    {account.lastError ? (
                      <>
                        <strong class="error-title">{account.lastError.title}</strong>
                        <p class="error-detail">{account.lastError.remediation}</p>
                      </>
                    ) : (
                      t('common.none')
                    )}
                  </td>
                  <td class="actions">
                    {integration.provider !== 'EXCHANGE' && account.status === 'ERROR' ? (
                      <button
                        type="button"
                        disabled={action.busy}
                        aria-label={t('button.accountLabel', {
                          action: t('button.reconnect'),
                          account: label,
                        })}
                        onClick={() =>
                          void action.run(() => reconnect(client, token, account.id, '/integrations'))
                        }
                      >
                        {t('button.reconnect')}
                      </button>
                    ) : null}
                    <button
                      type="button"
                      disabled={action.busy}
                      aria-label={t('button.accountLabel', { action: t('button.checkNow'), account: label })}
                      onClick={() =>
                        void action.run(() =>
                          client.mutate(CheckConnectionMutation, { connectionId: account.id }),
                        )
                      }
                    >
                      {t('button.checkNow')}
                    </button>
                    <button
                      type="button"
                      disabled={action.busy}
                      aria-label={t('button.accountLabel', { action: t('button.unlink'), account: label })}
                      onClick={() =>
                        void action.run(() =>
                          client.mutate(UnlinkConnectionMutation, { connectionId: account.id }),
                        )
                      }
                    >
                      {t('button.unlink')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <LiveMessage message={action.message} />
    </article>
  );
}

/**
 * The outcome the gateway's OAuth callback put in the return URL. The query is then cleared and the message
 * kept in the history entry's state, so it stays shown when the screen mounts again (the session restored
 * after the full page load remounts it) and is gone once the person moves on.
 */
export function OAuthOutcome({ route }: { route: Route }) {
  const { t } = useConsole();
  const outcome = route.query.get('oauth');
  const provider = route.query.get('provider') as Types.Provider | null;
  const reason = route.query.get('reason') ?? route.query.get('code') ?? '';
  let message = (history.state as { oauthOutcome?: string } | null)?.oauthOutcome ?? null;
  if (outcome === 'connected') message = t('oauth.connected', { provider: providerName(provider) });
  else if (outcome === 'error') message = t('oauth.error', { reason });
  useEffect(() => {
    if (outcome === null) return;
    const query = new URLSearchParams(route.query);
    for (const name of ['oauth', 'provider', 'connectionId', 'code', 'reason']) query.delete(name);
    const rest = query.toString();
    navigate(`${route.path}${rest ? `?${rest}` : ''}`, { replace: true, state: { oauthOutcome: message } });
  }, [outcome, route, message]);
  return (
    <output class={message ? 'notice' : 'live'} data-testid="oauth-outcome">
      {message ?? ''}
    </output>
  );
}
