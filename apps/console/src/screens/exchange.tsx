// Administrators: the organization's Exchange (Calendar Interop) settings and the step-by-step connectivity
// report of a test, live as it runs (each step shows as soon as the gateway has finished it); "Test and save"
// stores them and re-probes the organization's Exchange calendars.
import { ExchangeConnectionTestSubscription, ExchangeSettingsQuery, type ResultOf } from '@tsunagi/sdk';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Failure, LiveMessage, Screen } from '../components.js';
import { useAction, useConsole, useLoad } from '../context.js';
import { apiLocale } from '../i18n/index.js';

type Progress = ResultOf<typeof ExchangeConnectionTestSubscription>['exchangeConnectionTest'];
type Step = Progress['step'];

/** A test as it runs: the steps finished so far, and the verdict once the last one came. */
interface LiveReport {
  readonly steps: readonly Step[];
  /** Null until the last step came (or when the test was cut short: the action's message says why). */
  readonly ok: boolean | null;
  readonly running: boolean;
}

export function ExchangeScreen() {
  const { client, t, locale, date } = useConsole();
  const { data, error } = useLoad(
    () => client.query(ExchangeSettingsQuery, { locale: apiLocale(locale) }),
    [locale],
  );
  const settings = data?.exchangeSettings;
  const [form, setForm] = useState({
    ewsUrl: '',
    roleAccount: '',
    secret: '',
    applicationId: '',
    participant: '',
  });
  const [report, setReport] = useState<LiveReport | null>(null);
  const action = useAction();
  // A test still streaming ends when the screen goes or another test starts.
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);
  useEffect(() => {
    if (settings)
      setForm((before) => ({
        ...before,
        ewsUrl: before.ewsUrl || settings.ewsUrl,
        roleAccount: before.roleAccount || settings.roleAccount,
        applicationId: before.applicationId || (settings.applicationId ?? ''),
      }));
  }, [settings]);
  const field = (name: keyof typeof form, label: string, type = 'text') => (
    <p>
      <label for={`exchange-${name}`}>{label}</label>
      <input
        id={`exchange-${name}`}
        type={type}
        autocomplete="off"
        value={form[name]}
        required={name !== 'applicationId'}
        onInput={(event) => {
          const value = (event.currentTarget as HTMLInputElement).value;
          setForm((before) => ({ ...before, [name]: value }));
        }}
      />
    </p>
  );
  const test = (save: boolean) =>
    action.run(async () => {
      running.current?.abort();
      const controller = new AbortController();
      running.current = controller;
      setReport({ steps: [], ok: null, running: true });
      const live = client.subscribe(
        ExchangeConnectionTestSubscription,
        {
          input: {
            ewsUrl: form.ewsUrl.trim(),
            roleAccount: form.roleAccount.trim(),
            secret: form.secret,
            applicationId: form.applicationId.trim() || null,
          },
          participant: form.participant.trim(),
          save,
          locale: apiLocale(locale),
        },
        { signal: controller.signal },
      );
      const steps: Step[] = [];
      let ok: boolean | null = null;
      try {
        for await (const { exchangeConnectionTest: progress } of live) {
          steps.push(progress.step);
          ok = progress.report?.ok ?? null;
          setReport({ steps: [...steps], ok, running: ok === null });
        }
      } finally {
        if (running.current === controller) setReport({ steps: [...steps], ok, running: false });
      }
    });
  const shown = report ?? settings?.lastReport ?? null;
  return (
    <Screen title={t('exchange.title')}>
      <Failure error={error} />
      <p data-testid="exchange-status">
        {settings
          ? `${t('exchange.current', { status: t(`exchange.status.${settings.status}`) })} · ${date(settings.lastTestedAt)}`
          : data
            ? t('exchange.none')
            : ''}
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null;
          void test(submitter?.value === 'save');
        }}
      >
        {field('ewsUrl', t('exchange.ewsUrl'), 'url')}
        {field('roleAccount', t('exchange.roleAccount'))}
        {field('secret', t('exchange.secret'), 'password')}
        {field('applicationId', t('exchange.applicationId'))}
        {field('participant', t('exchange.participant'), 'email')}
        <button type="submit" value="test" disabled={action.busy}>
          {t('exchange.test')}
        </button>{' '}
        <button type="submit" value="save" disabled={action.busy}>
          {t('exchange.testAndSave')}
        </button>
      </form>
      <LiveMessage message={action.message} />
      {shown ? <ReportView report={shown} /> : null}
    </Screen>
  );
}

interface ReportLike {
  /** Null while a live test runs, or when it was cut short. */
  readonly ok: boolean | null;
  readonly running?: boolean;
  readonly steps: readonly {
    id: Step['id'];
    status: Step['status'];
    error?: { title: string; remediation: string } | null;
  }[];
}

function ReportView({ report }: { report: ReportLike }) {
  const { t } = useConsole();
  return (
    <section aria-labelledby="report-title">
      <h2 id="report-title">{t('exchange.report')}</h2>
      <p data-testid="exchange-verdict">
        {report.running
          ? t('exchange.running')
          : report.ok === null
            ? ''
            : report.ok
              ? t('exchange.ok')
              : t('exchange.failed')}
      </p>
      {/* Announced step by step as the test runs. */}
      <ol data-testid="exchange-report" aria-live="polite" data-running={String(report.running === true)}>
        {report.steps.map((step) => (
          <li key={step.id} data-status={step.status}>
            <strong>{t(`step.${step.id}`)}</strong>: {t(`stepStatus.${step.status}`)}
            {step.error ? (
              <p class="error-detail">
                <strong class="error-title">{step.error.title}</strong> {step.error.remediation}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
