// Notification settings: everyone's own (e-mail, Slack and their own Slack URL, quiet hours) and a test message
// on each of their channels; for administrators also the organization's (channels, its Slack URL, digest window,
// escalation delay, default quiet hours). Slack URLs are secrets: written here, shown back only as a hint.
import {
  NotificationSettingsQuery,
  OrganizationNotificationSettingsQuery,
  type ResultOf,
  SendTestNotificationMutation,
  type Types,
  UpdateNotificationSettingsMutation,
  UpdateOrganizationNotificationSettingsMutation,
} from '@tsunagi/sdk';
import { useEffect, useState } from 'preact/hooks';
import { Failure, LiveMessage, Screen } from '../components.js';
import { useAction, useConsole, useLoad } from '../context.js';

type QuietHours = { start: string; end: string; timeZone: string } | null;

export function NotificationsScreen() {
  const { t, viewer } = useConsole();
  return (
    <Screen title={t('notifications.title')}>
      <OwnSettings />
      <TestNotification />
      {viewer.role === 'ADMIN' ? <OrganizationSettings /> : null}
    </Screen>
  );
}

/** The form's view of quiet hours: on or off, and the window (kept while off, so turning it on again is easy). */
interface QuietForm {
  on: boolean;
  start: string;
  end: string;
  timeZone: string;
}

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

function quietForm(quiet: QuietHours): QuietForm {
  return quiet === null
    ? { on: false, start: '22:00', end: '07:00', timeZone: browserZone() }
    : { on: true, ...quiet };
}

const quietInput = (form: QuietForm): Types.QuietHoursInput | null =>
  form.on ? { start: form.start, end: form.end, timeZone: form.timeZone.trim() } : null;

function QuietHoursFields(props: {
  id: string;
  legend: string;
  value: QuietForm;
  onChange: (next: QuietForm) => void;
}) {
  const { t } = useConsole();
  const { id, value, onChange } = props;
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      <p class="check">
        <input
          id={`${id}-on`}
          type="checkbox"
          checked={value.on}
          onChange={(event) => onChange({ ...value, on: (event.currentTarget as HTMLInputElement).checked })}
        />{' '}
        <label for={`${id}-on`}>{t('notifications.quietOn')}</label>
      </p>
      {value.on ? (
        <p class="inline-fields">
          <label for={`${id}-start`}>{t('notifications.quietStart')}</label>{' '}
          <input
            id={`${id}-start`}
            type="time"
            required
            value={value.start}
            onInput={(event) =>
              onChange({ ...value, start: (event.currentTarget as HTMLInputElement).value })
            }
          />{' '}
          <label for={`${id}-end`}>{t('notifications.quietEnd')}</label>{' '}
          <input
            id={`${id}-end`}
            type="time"
            required
            value={value.end}
            onInput={(event) => onChange({ ...value, end: (event.currentTarget as HTMLInputElement).value })}
          />{' '}
          <label for={`${id}-zone`}>{t('notifications.timeZone')}</label>{' '}
          <input
            id={`${id}-zone`}
            type="text"
            required
            value={value.timeZone}
            onInput={(event) =>
              onChange({ ...value, timeZone: (event.currentTarget as HTMLInputElement).value })
            }
          />
        </p>
      ) : null}
    </fieldset>
  );
}

function Checkbox(props: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <p class="check">
      <input
        id={props.id}
        type="checkbox"
        checked={props.checked}
        onChange={(event) => props.onChange((event.currentTarget as HTMLInputElement).checked)}
      />{' '}
      <label for={props.id}>{props.label}</label>
    </p>
  );
}

/** A Slack URL field: empty keeps the stored one; "remove" clears it. */
function SlackUrl(props: {
  id: string;
  hint: string | null | undefined;
  value: string;
  remove: boolean;
  onChange: (value: string, remove: boolean) => void;
}) {
  const { t } = useConsole();
  return (
    <>
      <p>
        <label for={props.id}>{t('notifications.slackUrl')}</label>{' '}
        <input
          id={props.id}
          type="url"
          autocomplete="off"
          value={props.value}
          aria-describedby={`${props.id}-hint`}
          onInput={(event) => props.onChange((event.currentTarget as HTMLInputElement).value, false)}
        />
        <span id={`${props.id}-hint`} class="help">
          {' '}
          {props.hint ? t('notifications.slackHint', { hint: props.hint }) : t('notifications.slackNone')}
        </span>
      </p>
      {props.hint ? (
        <Checkbox
          id={`${props.id}-remove`}
          label={t('notifications.slackRemove')}
          checked={props.remove}
          onChange={(remove) => props.onChange('', remove)}
        />
      ) : null}
    </>
  );
}

type OwnSettingsData = ResultOf<typeof NotificationSettingsQuery>['notificationSettings'];
type OrganizationSettingsData = ResultOf<
  typeof OrganizationNotificationSettingsQuery
>['organizationNotificationSettings'];

/** A form starts from the stored settings, and again from what a save returned (the Slack URL field empty). */
interface OwnForm {
  email: boolean;
  slack: boolean;
  slackUrl: string;
  removeSlack: boolean;
  quiet: QuietForm;
}

const ownForm = (
  settings: Pick<OwnSettingsData, 'emailEnabled' | 'slackEnabled' | 'quietHours'>,
): OwnForm => ({
  email: settings.emailEnabled,
  slack: settings.slackEnabled,
  slackUrl: '',
  removeSlack: false,
  quiet: quietForm(settings.quietHours ?? null),
});

interface OrganizationForm extends OwnForm {
  digest: string;
  escalation: string;
  warningDays: string;
}

const organizationForm = (settings: OrganizationSettingsData): OrganizationForm => ({
  ...ownForm(settings),
  digest: String(settings.digestWindowMinutes),
  escalation: String(settings.escalationDelayMinutes),
  warningDays: String(settings.atRiskWarningDays),
});

function OwnSettings() {
  const { client, t, date } = useConsole();
  const { data, error } = useLoad(() => client.query(NotificationSettingsQuery, {}), []);
  const settings = data?.notificationSettings;
  const action = useAction();
  const [form, setForm] = useState<OwnForm | null>(null);
  useEffect(() => {
    if (settings && form === null) setForm(ownForm(settings));
  }, [settings, form]);
  return (
    <section aria-labelledby="own-title">
      <h2 id="own-title">{t('notifications.own')}</h2>
      <Failure error={error} />
      {form ? (
        <form
          data-testid="own-settings"
          onSubmit={(event) => {
            event.preventDefault();
            void action.run(async () => {
              const slackWebhookUrl = form.removeSlack ? null : form.slackUrl.trim() || undefined;
              const { updateNotificationSettings: saved } = await client.mutate(
                UpdateNotificationSettingsMutation,
                {
                  input: {
                    emailEnabled: form.email,
                    slackEnabled: form.slack,
                    quietHours: quietInput(form.quiet),
                    ...(slackWebhookUrl === undefined ? {} : { slackWebhookUrl }),
                  },
                },
              );
              setForm(ownForm(saved));
            });
          }}
        >
          <Checkbox
            id="own-email"
            label={t('notifications.email')}
            checked={form.email}
            onChange={(email) => setForm({ ...form, email })}
          />
          <Checkbox
            id="own-slack"
            label={t('notifications.slack')}
            checked={form.slack}
            onChange={(slack) => setForm({ ...form, slack })}
          />
          <SlackUrl
            id="own-slack-url"
            hint={settings?.slackWebhookUrlHint}
            value={form.slackUrl}
            remove={form.removeSlack}
            onChange={(slackUrl, removeSlack) => setForm({ ...form, slackUrl, removeSlack })}
          />
          <QuietHoursFields
            id="own-quiet"
            legend={t('notifications.quietOwn')}
            value={form.quiet}
            onChange={(quiet) => setForm({ ...form, quiet })}
          />
          <p class="help">{t('notifications.updatedAt', { when: date(settings?.updatedAt) })}</p>
          <button type="submit" disabled={action.busy}>
            {t('notifications.save')}
          </button>
        </form>
      ) : null}
      <LiveMessage message={action.message} />
    </section>
  );
}

type TestResult = ResultOf<typeof SendTestNotificationMutation>['sendTestNotification'];

function TestNotification() {
  const { client, t } = useConsole();
  const action = useAction();
  const [results, setResults] = useState<TestResult | null>(null);
  return (
    <section aria-labelledby="test-title">
      <h2 id="test-title">{t('notifications.test')}</h2>
      <p>{t('notifications.testHelp')}</p>
      <button
        type="button"
        disabled={action.busy}
        onClick={() =>
          void action.run(async () => {
            setResults((await client.mutate(SendTestNotificationMutation)).sendTestNotification);
          })
        }
      >
        {t('notifications.sendTest')}
      </button>
      <LiveMessage message={action.message} />
      {results ? (
        <ul data-testid="test-results">
          {results.length === 0 ? <li>{t('notifications.noChannel')}</li> : null}
          {results.map((result) => (
            <li key={result.channel} data-ok={String(result.ok)}>
              {t(`channel.${result.channel}`)}:{' '}
              {result.ok
                ? t('notifications.sent')
                : t('notifications.notSent', { error: result.error ?? '' })}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function OrganizationSettings() {
  const { client, t, date } = useConsole();
  const { data, error } = useLoad(() => client.query(OrganizationNotificationSettingsQuery), []);
  const settings = data?.organizationNotificationSettings;
  const action = useAction();
  const [form, setForm] = useState<OrganizationForm | null>(null);
  useEffect(() => {
    if (settings && form === null) setForm(organizationForm(settings));
  }, [settings, form]);
  const minutes = (
    id: string,
    label: string,
    value: string,
    min: number,
    max: number,
    set: (v: string) => void,
  ) => (
    <p>
      <label for={id}>{label}</label>{' '}
      <input
        id={id}
        type="number"
        required
        min={min}
        max={max}
        value={value}
        aria-describedby={`${id}-range`}
        onInput={(event) => set((event.currentTarget as HTMLInputElement).value)}
      />
      <span id={`${id}-range`} class="help">
        {' '}
        {t('notifications.range', { min, max })}
      </span>
    </p>
  );
  return (
    <section aria-labelledby="org-title">
      <h2 id="org-title">{t('notifications.organization')}</h2>
      <Failure error={error} />
      {form ? (
        <form
          data-testid="organization-settings"
          onSubmit={(event) => {
            event.preventDefault();
            void action.run(async () => {
              const slackWebhookUrl = form.removeSlack ? null : form.slackUrl.trim() || undefined;
              const { updateOrganizationNotificationSettings: saved } = await client.mutate(
                UpdateOrganizationNotificationSettingsMutation,
                {
                  input: {
                    emailEnabled: form.email,
                    slackEnabled: form.slack,
                    digestWindowMinutes: Number(form.digest),
                    escalationDelayMinutes: Number(form.escalation),
                    atRiskWarningDays: Number(form.warningDays),
                    quietHours: quietInput(form.quiet),
                    ...(slackWebhookUrl === undefined ? {} : { slackWebhookUrl }),
                  },
                },
              );
              setForm(organizationForm(saved));
            });
          }}
        >
          <Checkbox
            id="org-email"
            label={t('notifications.orgEmail')}
            checked={form.email}
            onChange={(email) => setForm({ ...form, email })}
          />
          <Checkbox
            id="org-slack"
            label={t('notifications.orgSlack')}
            checked={form.slack}
            onChange={(slack) => setForm({ ...form, slack })}
          />
          <SlackUrl
            id="org-slack-url"
            hint={settings?.slackWebhookUrlHint}
            value={form.slackUrl}
            remove={form.removeSlack}
            onChange={(slackUrl, removeSlack) => setForm({ ...form, slackUrl, removeSlack })}
          />
          {minutes('org-digest', t('notifications.digest'), form.digest, 0, 1440, (digest) =>
            setForm({ ...form, digest }),
          )}
          {minutes('org-escalation', t('notifications.escalation'), form.escalation, 5, 10080, (escalation) =>
            setForm({ ...form, escalation }),
          )}
          {minutes(
            'org-warning-days',
            t('notifications.warningDays'),
            form.warningDays,
            1,
            30,
            (warningDays) => setForm({ ...form, warningDays }),
          )}
          <QuietHoursFields
            id="org-quiet"
            legend={t('notifications.quietOrg')}
            value={form.quiet}
            onChange={(quiet) => setForm({ ...form, quiet })}
          />
          <p class="help">{t('notifications.updatedAt', { when: date(settings?.updatedAt) })}</p>
          <button type="submit" disabled={action.busy}>
            {t('notifications.saveOrg')}
          </button>
        </form>
      ) : null}
      <LiveMessage message={action.message} />
    </section>
  );
}
