// Administrators: the organization's webhook endpoints and, for one, its delivery log.
import { WebhookDeliveriesQuery, WebhookEndpointsQuery } from '@tsunagi/sdk';
import { useState } from 'preact/hooks';
import { Failure, Screen } from '../components.js';
import { useConsole, useLoad } from '../context.js';

export function WebhooksScreen() {
  const { client, t } = useConsole();
  const { data, error } = useLoad(() => client.query(WebhookEndpointsQuery), []);
  const [open, setOpen] = useState<string | null>(null);
  const endpoints = data?.webhookEndpoints ?? [];
  const shown = endpoints.find((endpoint) => endpoint.id === open);
  return (
    <Screen title={t('webhooks.title')}>
      <Failure error={error} />
      {data && endpoints.length === 0 ? <p>{t('webhooks.empty')}</p> : null}
      {endpoints.length > 0 ? (
        <table data-testid="webhooks">
          <thead>
            <tr>
              <th scope="col">{t('col.url')}</th>
              <th scope="col">{t('col.events')}</th>
              <th scope="col">{t('col.enabled')}</th>
              <th scope="col">{t('col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {endpoints.map((endpoint) => (
              <tr key={endpoint.id}>
                <th scope="row">
                  {endpoint.url}
                  {endpoint.description ? <span class="help"> {endpoint.description}</span> : null}
                </th>
                <td>{endpoint.eventTypes.length === 0 ? t('common.all') : endpoint.eventTypes.join(', ')}</td>
                <td>{endpoint.enabled ? t('common.yes') : t('common.no')}</td>
                <td>
                  <button
                    type="button"
                    aria-pressed={open === endpoint.id}
                    onClick={() => setOpen(endpoint.id)}
                  >
                    {t('webhooks.show')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {shown ? <Deliveries endpointId={shown.id} url={shown.url} /> : null}
    </Screen>
  );
}

function Deliveries({ endpointId, url }: { endpointId: string; url: string }) {
  const { client, t, date } = useConsole();
  const { data, error } = useLoad(
    () => client.query(WebhookDeliveriesQuery, { endpointId, first: 50 }),
    [endpointId],
  );
  return (
    <section aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">{t('webhooks.deliveries', { url })}</h2>
      <Failure error={error} />
      {data && data.webhookDeliveries.edges.length === 0 ? <p>{t('webhooks.noDeliveries')}</p> : null}
      {data && data.webhookDeliveries.edges.length > 0 ? (
        <table data-testid="deliveries">
          <thead>
            <tr>
              <th scope="col">{t('col.when')}</th>
              <th scope="col">{t('col.type')}</th>
              <th scope="col">{t('col.status')}</th>
              <th scope="col">{t('col.attempts')}</th>
              <th scope="col">{t('col.response')}</th>
            </tr>
          </thead>
          <tbody>
            {data.webhookDeliveries.edges.map(({ node }) => (
              <tr key={node.id}>
                <th scope="row">{date(node.createdAt)}</th>
                <td>{node.eventType}</td>
                <td>{t(`delivery.${node.status}`)}</td>
                <td>{node.attempts}</td>
                <td>{node.responseStatus ?? node.lastError ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
