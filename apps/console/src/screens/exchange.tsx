// Administrators: the organization's Exchange (Calendar Interop) settings and the step-by-step connectivity
// report of a test; "Test and save" stores them and re-probes the organization's Exchange calendars.
import { ExchangeSettingsQuery, type ResultOf, TestExchangeConnectionMutation } from '@tsunagi/sdk';
import { useEffect, useState } from 'preact/hooks';
import { Failure, LiveMessage, Screen } from '../components.js';
import { useAction, useConsole, useLoad } from '../context.js';
import { apiLocale } from '../i18n/index.js';

type Report = ResultOf<typeof TestExchangeConnectionMutation>['testExchangeConnection'];

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
  const [report, setReport] = useState<Report | null>(null);
  const action = useAction();
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
      const { testExchangeConnection } = await client.mutate(TestExchangeConnectionMutation, {
        input: {
          ewsUrl: form.ewsUrl.trim(),
          roleAccount: form.roleAccount.trim(),
          secret: form.secret,
          applicationId: form.applicationId.trim() || null,
        },
        participant: form.participant.trim(),
        save,
        locale: apiLocale(locale),
      });
      setReport(testExchangeConnection);
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
  readonly ok: boolean;
  readonly steps: readonly {
    id: Report['steps'][number]['id'];
    status: Report['steps'][number]['status'];
    error?: { title: string; remediation: string } | null;
  }[];
}

function ReportView({ report }: { report: ReportLike }) {
  const { t } = useConsole();
  return (
    <section aria-labelledby="report-title">
      <h2 id="report-title">{t('exchange.report')}</h2>
      <p>{report.ok ? t('exchange.ok') : t('exchange.failed')}</p>
      <ol data-testid="exchange-report">
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
