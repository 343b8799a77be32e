// Administrators: the organization's webhook endpoints (create, turn off and on, choose event types, rotate the
// signing secret, send a test, delete) and, for one, its delivery log with "send again". A signing secret is
// shown once, right after create or rotate; deleting and rotating ask first.
import {
  CreateWebhookEndpointMutation,
  DeleteWebhookEndpointMutation,
  RedeliverWebhookMutation,
  type ResultOf,
  RotateWebhookSecretMutation,
  SendTestWebhookMutation,
  type Types,
  UpdateWebhookEndpointMutation,
  WebhookDeliveriesQuery,
  WebhookEndpointsQuery,
} from '@tsunagi/sdk';
import { useState } from 'preact/hooks';
import { Failure, LiveMessage, Screen } from '../components.js';
import { type Action, useAction, useConsole, useLoad } from '../context.js';

type Endpoint = ResultOf<typeof WebhookEndpointsQuery>['webhookEndpoints'][number];

/** The event types an endpoint may choose (the gateway's EventType); none chosen means every one. */
const EVENT_TYPES: readonly Types.EventType[] = [
  'CONNECTION_STATUS_CHANGED',
  'CONNECTION_HEALTH_CHANGED',
  'CONNECTION_CREATED',
  'BOOKING_PAGE_STATE_CHANGED',
  'BOOKING_PAGE_EVALUATION_CHANGED',
  'BOOKING_PAGE_CREATED',
  'BOOKING_PAGE_UPDATED',
  'BOOKING_PAGE_DELETED',
  'LOCATIONS_REMOVED',
] as Types.EventType[];

export function WebhooksScreen() {
  const { client, t } = useConsole();
  const { data, error } = useLoad(() => client.query(WebhookEndpointsQuery), []);
  const [open, setOpen] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const action = useAction();
  const endpoints = data?.webhookEndpoints ?? [];
  const shown = endpoints.find((endpoint) => endpoint.id === open);
  return (
    <Screen title={t('webhooks.title')}>
      <Failure error={error} />
      {secret ? <SecretOnce url={secret.url} secret={secret.secret} onDone={() => setSecret(null)} /> : null}
      <CreateEndpoint onCreated={setSecret} />
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
              <EndpointRow
                key={endpoint.id}
                endpoint={endpoint}
                open={open === endpoint.id}
                action={action}
                onOpen={() => setOpen(endpoint.id)}
                onSecret={(value) => setSecret({ url: endpoint.url, secret: value })}
              />
            ))}
          </tbody>
        </table>
      ) : null}
      <LiveMessage message={action.message} />
      {shown ? <Deliveries endpointId={shown.id} url={shown.url} /> : null}
    </Screen>
  );
}

/** The signing secret, once: it cannot be read again, so the person copies it now. */
function SecretOnce(props: { url: string; secret: string; onDone: () => void }) {
  const { t } = useConsole();
  return (
    <section class="notice" aria-labelledby="secret-title" data-testid="webhook-secret" tabIndex={-1}>
      <h2 id="secret-title">{t('webhooks.secretTitle')}</h2>
      <p>{t('webhooks.secretOnce', { url: props.url })}</p>
      <p>
        <label for="webhook-secret">{t('webhooks.secret')}</label>{' '}
        <input id="webhook-secret" type="text" readOnly value={props.secret} size={48} />
      </p>
      <button type="button" onClick={props.onDone}>
        {t('webhooks.secretStored')}
      </button>
    </section>
  );
}

function EventTypeChoice(props: {
  id: string;
  chosen: readonly Types.EventType[];
  onChange: (chosen: Types.EventType[]) => void;
}) {
  const { t } = useConsole();
  return (
    <fieldset>
      <legend>{t('webhooks.eventTypes')}</legend>
      <p class="help">{t('webhooks.eventTypesHelp')}</p>
      <ul class="checks">
        {EVENT_TYPES.map((type) => (
          <li key={type}>
            <input
              id={`${props.id}-${type}`}
              type="checkbox"
              checked={props.chosen.includes(type)}
              onChange={(event) =>
                props.onChange(
                  (event.currentTarget as HTMLInputElement).checked
                    ? [...props.chosen, type]
                    : props.chosen.filter((other) => other !== type),
                )
              }
            />{' '}
            <label for={`${props.id}-${type}`}>
              <code>{type}</code>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function CreateEndpoint({ onCreated }: { onCreated: (created: { url: string; secret: string }) => void }) {
  const { client, t } = useConsole();
  const action = useAction();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [eventTypes, setEventTypes] = useState<Types.EventType[]>([]);
  return (
    <details class="create">
      <summary>{t('webhooks.create')}</summary>
      <form
        data-testid="create-webhook"
        onSubmit={(event) => {
          event.preventDefault();
          void action.run(async () => {
            const { createWebhookEndpoint } = await client.mutate(CreateWebhookEndpointMutation, {
              input: { url: url.trim(), description: description.trim(), eventTypes },
            });
            onCreated({ url: createWebhookEndpoint.endpoint.url, secret: createWebhookEndpoint.secret });
            setUrl('');
            setDescription('');
            setEventTypes([]);
          });
        }}
      >
        <p>
          <label for="webhook-url">{t('webhooks.url')}</label>{' '}
          <input
            id="webhook-url"
            type="url"
            required
            size={48}
            value={url}
            onInput={(event) => setUrl((event.currentTarget as HTMLInputElement).value)}
          />
        </p>
        <p>
          <label for="webhook-description">{t('webhooks.description')}</label>{' '}
          <input
            id="webhook-description"
            type="text"
            maxLength={500}
            value={description}
            onInput={(event) => setDescription((event.currentTarget as HTMLInputElement).value)}
          />
        </p>
        <EventTypeChoice id="webhook-new" chosen={eventTypes} onChange={setEventTypes} />
        <button type="submit" disabled={action.busy}>
          {t('webhooks.createSubmit')}
        </button>
        <LiveMessage message={action.message} />
      </form>
    </details>
  );
}

function EndpointRow(props: {
  endpoint: Endpoint;
  open: boolean;
  action: Action;
  onOpen: () => void;
  onSecret: (secret: string) => void;
}) {
  const { client, t } = useConsole();
  const { endpoint, action } = props;
  // Which destructive action waits for its confirmation, and whether the event types are being edited.
  const [confirming, setConfirming] = useState<'delete' | 'rotate' | null>(null);
  const [editing, setEditing] = useState<Types.EventType[] | null>(null);
  const label = (name: string) => t('button.accountLabel', { action: name, account: endpoint.url });
  return (
    <tr data-endpoint={endpoint.id}>
      <th scope="row">
        {endpoint.url}
        {endpoint.description ? <span class="help"> {endpoint.description}</span> : null}
      </th>
      <td>
        {editing === null ? (
          endpoint.eventTypes.length === 0 ? (
            t('common.all')
          ) : (
            endpoint.eventTypes.join(', ')
          )
        ) : (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void action.run(async () => {
                await client.mutate(UpdateWebhookEndpointMutation, {
                  id: endpoint.id,
                  input: { eventTypes: editing },
                });
                setEditing(null);
              });
            }}
          >
            <EventTypeChoice id={`edit-${endpoint.id}`} chosen={editing} onChange={setEditing} />
            <button type="submit" disabled={action.busy}>
              {t('webhooks.saveEvents')}
            </button>{' '}
            <button type="button" onClick={() => setEditing(null)}>
              {t('webhooks.cancel')}
            </button>
          </form>
        )}
      </td>
      <td data-enabled={String(endpoint.enabled)}>
        {endpoint.enabled
          ? t('common.yes')
          : endpoint.disabledReason === 'FAILING'
            ? t('webhooks.disabledFailing')
            : t('common.no')}
      </td>
      <td class="actions">
        <button
          type="button"
          aria-pressed={props.open}
          aria-label={label(t('webhooks.show'))}
          onClick={props.onOpen}
        >
          {t('webhooks.show')}
        </button>
        <button
          type="button"
          disabled={action.busy}
          aria-label={label(endpoint.enabled ? t('webhooks.disable') : t('webhooks.enable'))}
          onClick={() =>
            void action.run(() =>
              client.mutate(UpdateWebhookEndpointMutation, {
                id: endpoint.id,
                input: { enabled: !endpoint.enabled },
              }),
            )
          }
        >
          {endpoint.enabled ? t('webhooks.disable') : t('webhooks.enable')}
        </button>
        {editing === null ? (
          <button
            type="button"
            aria-label={label(t('webhooks.editEvents'))}
            onClick={() => setEditing([...endpoint.eventTypes])}
          >
            {t('webhooks.editEvents')}
          </button>
        ) : null}
        <button
          type="button"
          disabled={action.busy}
          aria-label={label(t('webhooks.sendTest'))}
          onClick={() =>
            void action.run(() => client.mutate(SendTestWebhookMutation, { endpointId: endpoint.id }))
          }
        >
          {t('webhooks.sendTest')}
        </button>
        {confirming === null ? (
          <>
            <button
              type="button"
              aria-label={label(t('webhooks.rotate'))}
              onClick={() => setConfirming('rotate')}
            >
              {t('webhooks.rotate')}
            </button>
            <button
              type="button"
              aria-label={label(t('webhooks.delete'))}
              onClick={() => setConfirming('delete')}
            >
              {t('webhooks.delete')}
            </button>
          </>
        ) : (
          <fieldset class="confirm">
            <legend>
              {confirming === 'delete' ? t('webhooks.confirmDelete') : t('webhooks.confirmRotate')}
            </legend>
            <button
              type="button"
              class="danger"
              disabled={action.busy}
              onClick={() =>
                void action.run(async () => {
                  if (confirming === 'delete') {
                    await client.mutate(DeleteWebhookEndpointMutation, { id: endpoint.id });
                  } else {
                    const { rotateWebhookSecret } = await client.mutate(RotateWebhookSecretMutation, {
                      id: endpoint.id,
                    });
                    props.onSecret(rotateWebhookSecret.secret);
                  }
                  setConfirming(null);
                })
              }
            >
              {confirming === 'delete' ? t('webhooks.confirmDeleteYes') : t('webhooks.confirmRotateYes')}
            </button>{' '}
            <button type="button" onClick={() => setConfirming(null)}>
              {t('webhooks.cancel')}
            </button>
          </fieldset>
        )}
      </td>
    </tr>
  );
}

function Deliveries({ endpointId, url }: { endpointId: string; url: string }) {
  const { client, t, date } = useConsole();
  const { data, error } = useLoad(
    () => client.query(WebhookDeliveriesQuery, { endpointId, first: 50 }),
    [endpointId],
  );
  const action = useAction();
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
              <th scope="col">{t('col.actions')}</th>
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
                <td>
                  <button
                    type="button"
                    disabled={action.busy}
                    aria-label={t('webhooks.redeliverLabel', {
                      type: node.eventType,
                      when: date(node.createdAt),
                    })}
                    onClick={() =>
                      void action.run(() => client.mutate(RedeliverWebhookMutation, { deliveryId: node.id }))
                    }
                  >
                    {t('webhooks.redeliver')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <LiveMessage message={action.message} />
    </section>
  );
}
