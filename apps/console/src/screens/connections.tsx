// Administrators: every connection of the organization, filtered by status and provider, with the pages each
// one stops and "Check now".
import { CheckConnectionMutation, OrganizationConnectionsQuery, type Types } from '@tsunagi/sdk';
import { useState } from 'preact/hooks';
import {
  ConnectionStatusLabel,
  Failure,
  LiveMessage,
  PROVIDER_NAMES,
  providerName,
  Screen,
} from '../components.js';
import { useAction, useConsole, useLoad } from '../context.js';
import { apiLocale } from '../i18n/index.js';

const STATUSES: readonly Types.ConnectionStatus[] = ['ERROR', 'CONNECTED', 'DISCONNECTED'];

export function ConnectionsScreen() {
  const { client, t, locale, date } = useConsole();
  const action = useAction();
  const [status, setStatus] = useState<Types.ConnectionStatus | ''>('');
  const [provider, setProvider] = useState<Types.Provider | ''>('');
  const { data, error } = useLoad(
    () =>
      client.query(OrganizationConnectionsQuery, {
        first: 100,
        locale: apiLocale(locale),
        filter: {
          ...(status === '' ? {} : { status: [status] }),
          ...(provider === '' ? {} : { provider: [provider] }),
        },
      }),
    [status, provider, locale],
  );
  return (
    <Screen title={t('connections.title')}>
      <form class="filters" onSubmit={(event) => event.preventDefault()} aria-label={t('common.filter')}>
        <label>
          {t('col.status')}{' '}
          <select
            value={status}
            onChange={(event) =>
              setStatus((event.currentTarget as HTMLSelectElement).value as Types.ConnectionStatus | '')
            }
          >
            <option value="">{t('common.all')}</option>
            {STATUSES.map((candidate) => (
              <option key={candidate} value={candidate}>
                {t(`status.${candidate}`)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('col.provider')}{' '}
          <select
            value={provider}
            onChange={(event) =>
              setProvider((event.currentTarget as HTMLSelectElement).value as Types.Provider | '')
            }
          >
            <option value="">{t('common.all')}</option>
            {(Object.keys(PROVIDER_NAMES) as Types.Provider[]).map((candidate) => (
              <option key={candidate} value={candidate}>
                {PROVIDER_NAMES[candidate]}
              </option>
            ))}
          </select>
        </label>
      </form>
      <Failure error={error} />
      {data ? (
        <table data-testid="connections">
          <thead>
            <tr>
              <th scope="col">{t('col.user')}</th>
              <th scope="col">{t('col.provider')}</th>
              <th scope="col">{t('col.status')}</th>
              <th scope="col">{t('col.lastError')}</th>
              <th scope="col">{t('col.pages')}</th>
              <th scope="col">{t('col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {data.connections.edges.map(({ node }) => (
              <tr key={node.id}>
                <th scope="row">
                  {node.user.name}
                  <br />
                  <span class="help">{node.accountEmail ?? node.user.email}</span>
                </th>
                <td>{providerName(node.provider)}</td>
                <td>
                  <ConnectionStatusLabel status={node.status} /> {t(`health.${node.health}`)}
                  <br />
                  <span class="help">{date(node.statusChangedAt)}</span>
                </td>
                <td>{node.lastError ? node.lastError.title : t('common.none')}</td>
                <td>{node.affectedBookingPages.map((page) => page.title).join(', ') || t('common.none')}</td>
                <td>
                  <button
                    type="button"
                    disabled={action.busy}
                    aria-label={t('button.accountLabel', {
                      action: t('button.checkNow'),
                      account: node.accountEmail ?? node.user.name,
                    })}
                    onClick={() =>
                      void action.run(() => client.mutate(CheckConnectionMutation, { connectionId: node.id }))
                    }
                  >
                    {t('button.checkNow')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <LiveMessage message={action.message} />
    </Screen>
  );
}
