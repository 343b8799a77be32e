// One booking page: its reasons in the viewer's language, the remediation plan as buttons that perform each
// action, and for round robin which members can host and why the others cannot.
import {
  AddLocationMutation,
  BookingPageQuery,
  ChangeOwnerMutation,
  ConnectionImpactQuery,
  RemoveAllLocationsMutation,
  type ResultOf,
  type Types,
  UnlinkConnectionMutation,
} from '@tsunagi/sdk';
import { useState } from 'preact/hooks';
import { Link } from '../app.js';
import { Failure, LiveMessage, PageStateLabel, providerName, Screen } from '../components.js';
import { useAction, useConsole, useLoad } from '../context.js';
import { apiLocale } from '../i18n/index.js';
import { reconnect } from '../reconnect.js';
import { navigate, type Route } from '../router.js';
import { OAuthOutcome } from './integrations.js';

type Page = NonNullable<ResultOf<typeof BookingPageQuery>['bookingPage']>;
type RemediationAction = Page['remediation'][number]['options'][number]['actions'][number];

export function PageDetailScreen({ id, route }: { id: string; route: Route }) {
  const { client, t, locale } = useConsole();
  const { data, error } = useLoad(
    () => client.query(BookingPageQuery, { id, locale: apiLocale(locale) }),
    [id, locale],
  );
  const page = data?.bookingPage;
  return (
    <Screen title={page?.title ?? t('pages.title')}>
      <p>
        <Link to="/pages">{t('page.back')}</Link>
      </p>
      <OAuthOutcome route={route} />
      <Failure error={error} />
      {page ? <PageDetail page={page} /> : error ? null : <output>{t('common.loading')}</output>}
    </Screen>
  );
}

function PageDetail({ page }: { page: Page }) {
  const { t, viewer } = useConsole();
  return (
    <>
      <p>
        <PageStateLabel state={page.state} /> · {t('col.accepting')}:{' '}
        {page.acceptingBookings ? t('common.yes') : t('common.no')} · {t('col.owner')}: {page.owner.name} ·{' '}
        {t('page.mode', { value: page.roundRobin ? t('common.yes') : t('common.no') })}
      </p>
      <h2>{t('page.reasons')}</h2>
      {page.reasons.length === 0 ? (
        <p>{t('page.noReasons')}</p>
      ) : (
        <ul data-testid="reasons">
          {page.reasons.map((reason, index) => (
            <li key={`${reason.kind}-${index}`}>
              <p>{reason.message}</p>
              {reason.connections.map((connection) => (
                <p key={connection.id} class="error-detail">
                  {providerName(connection.provider)} {connection.accountEmail ?? ''}
                  {connection.lastError ? (
                    <>
                      : <strong class="error-title">{connection.lastError.title}</strong>
                      <br />
                      {connection.lastError.remediation}
                    </>
                  ) : null}
                </p>
              ))}
            </li>
          ))}
        </ul>
      )}
      {page.remediation.length > 0 ? <Plan page={page} /> : null}
      {page.warnings.length > 0 ? (
        <>
          <h2>{t('page.warnings')}</h2>
          <ul>
            {page.warnings.map((warning) => (
              <li key={warning.kind}>{warning.message}</li>
            ))}
          </ul>
        </>
      ) : null}
      {page.roundRobin ? <Hosts page={page} /> : null}
      {viewer.role === 'ADMIN' ? <WhatWouldStopIt page={page} /> : null}
      <h2>{t('page.locations')}</h2>
      {page.locations.length === 0 ? (
        <p>{t('common.none')}</p>
      ) : (
        <ul>
          {page.locations.map((location) => (
            <li key={location.id}>
              {t(`location.${location.type}`)}
              {location.usable ? '' : ` (${t('location.unusable')})`}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Plan({ page }: { page: Page }) {
  const { t } = useConsole();
  const action = useAction();
  return (
    <>
      <h2>{t('page.plan')}</h2>
      <ol data-testid="plan">
        {page.remediation.map((step, index) => (
          <li key={`${step.goal}-${index}`}>
            <h3>{t(`goal.${step.goal}`)}</h3>
            <ul class="options">
              {step.options.map((option, optionIndex) => (
                <li key={optionIndex}>
                  {optionIndex > 0 ? <span class="or">{t('page.or')} </span> : null}
                  {option.actions.map((candidate, actionIndex) => (
                    <ActionButton
                      key={actionIndex}
                      page={page}
                      action={candidate}
                      busy={action.busy}
                      run={action.run}
                    />
                  ))}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      <LiveMessage message={action.message} />
    </>
  );
}

function ActionButton(props: {
  page: Page;
  action: RemediationAction;
  busy: boolean;
  run: (perform: () => Promise<unknown>) => Promise<void>;
}) {
  const { client, token, t } = useConsole();
  const { page, action, busy, run } = props;
  const [adding, setAdding] = useState(false);
  const names = { provider: providerName(action.provider), user: action.user?.name ?? '' };
  const who = t('page.performedBy', { who: t(`performer.${action.performedBy}`) });
  const connectionId = action.connection?.id;
  const button = (label: string, perform: () => Promise<unknown>) => (
    <button type="button" disabled={busy} onClick={() => void run(perform)} title={who}>
      {label}
    </button>
  );
  switch (action.kind) {
    case 'RECONNECT':
      return connectionId === undefined
        ? null
        : button(t('action.RECONNECT', names), () =>
            reconnect(client, token, connectionId, `/pages/${encodeURIComponent(page.id)}`),
          );
    case 'UNLINK':
      return connectionId === undefined
        ? null
        : button(t('action.UNLINK', names), () => client.mutate(UnlinkConnectionMutation, { connectionId }));
    case 'REMOVE_ALL_LOCATIONS':
      return button(t('action.REMOVE_ALL_LOCATIONS'), () =>
        client.mutate(RemoveAllLocationsMutation, { pageId: page.id }),
      );
    case 'CHANGE_OWNER': {
      const userId = action.user?.id;
      return userId === undefined
        ? null
        : button(t('action.CHANGE_OWNER', names), () =>
            client.mutate(ChangeOwnerMutation, { pageId: page.id, userId }),
          );
    }
    case 'FIX_INTEROP_SETTINGS':
      return (
        <button type="button" onClick={() => navigate('/admin/exchange')} title={who}>
          {t('action.FIX_INTEROP_SETTINGS')}
        </button>
      );
    case 'ADD_VALID_LOCATION':
      return adding ? (
        <AddLocationForm
          busy={busy}
          onAdd={(location) =>
            run(async () => {
              await client.mutate(AddLocationMutation, { pageId: page.id, location });
              setAdding(false);
            })
          }
        />
      ) : (
        <button type="button" aria-expanded="false" onClick={() => setAdding(true)} title={who}>
          {t('action.ADD_VALID_LOCATION')}
        </button>
      );
  }
}

const ADDABLE: readonly Types.LocationType[] = ['IN_PERSON', 'PHONE', 'CUSTOM_URL'];

function AddLocationForm(props: { busy: boolean; onAdd: (location: Types.LocationInput) => void }) {
  const { t } = useConsole();
  const [type, setType] = useState<Types.LocationType>('IN_PERSON');
  const [value, setValue] = useState('');
  return (
    <form
      class="inline"
      onSubmit={(event) => {
        event.preventDefault();
        props.onAdd({ type, value: value.trim() || null });
      }}
    >
      <label>
        {t('location.type')}{' '}
        <select
          value={type}
          onChange={(event) =>
            setType((event.currentTarget as HTMLSelectElement).value as Types.LocationType)
          }
        >
          {ADDABLE.map((candidate) => (
            <option key={candidate} value={candidate}>
              {t(`location.${candidate}`)}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        {t('location.value')}{' '}
        <input value={value} onInput={(event) => setValue((event.currentTarget as HTMLInputElement).value)} />
      </label>{' '}
      <button type="submit" disabled={props.busy}>
        {t('location.add')}
      </button>
    </form>
  );
}

/** Who can host and, for the others, the reasons and warnings that name them. */
function Hosts({ page }: { page: Page }) {
  const { t } = useConsole();
  const eligible = new Set(page.eligibleHosts.map((host) => host.id));
  const why = (userId: string) => [
    ...page.reasons.filter((reason) => reason.user?.id === userId).map((reason) => reason.message),
    ...page.warnings
      .filter((warning) => warning.users.some((user) => user.id === userId))
      .map((warning) => warning.message),
  ];
  return (
    <>
      <h2>{t('page.hosts')}</h2>
      <ul data-testid="hosts">
        {page.members.map((member) => (
          <li key={member.id} data-host={member.id} data-eligible={String(eligible.has(member.id))}>
            {member.name}: {eligible.has(member.id) ? t('page.eligible') : t('page.notEligible')}
            {eligible.has(member.id) ? null : (
              <ul>
                {why(member.id).map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * Administrators (connectionImpact is theirs): for each person the page relies on, what would happen to it if
 * that person's connections failed: disabled, a smaller round-robin pool (from N hosts to M), or nothing.
 */
function WhatWouldStopIt({ page }: { page: Page }) {
  const { client, t } = useConsole();
  const people = [page.owner, ...page.members.filter((member) => member.id !== page.owner.id)];
  const { data, error } = useLoad(
    () =>
      Promise.all(
        people.map(async (person) => {
          const { connectionImpact } = await client.query(ConnectionImpactQuery, {
            input: { userId: person.id, status: 'ERROR' },
          });
          return { person, impact: connectionImpact.pages.find((entry) => entry.bookingPage.id === page.id) };
        }),
      ),
    [page.id, people.map((person) => person.id).join()],
  );
  const sentence = (name: string, impact: NonNullable<typeof data>[number]['impact']) => {
    switch (impact?.effect) {
      case 'DISABLED':
        return t('impact.disabled', { name });
      case 'HOSTS_REDUCED':
        return t('impact.shrinks', { name, before: impact.hostsBefore, after: impact.hostsAfter });
      case 'STAYS_DOWN':
        return t('impact.staysDown', { name });
      default:
        return t('impact.staysUp', { name });
    }
  };
  return (
    <>
      <h2>{t('impact.title')}</h2>
      <Failure error={error} />
      {data ? (
        <ul data-testid="impact">
          {data.map(({ person, impact }) => (
            <li key={person.id} data-user={person.id} data-effect={impact?.effect ?? 'NONE'}>
              {sentence(person.name, impact)}
            </li>
          ))}
        </ul>
      ) : error ? null : (
        <output>{t('common.loading')}</output>
      )}
    </>
  );
}
