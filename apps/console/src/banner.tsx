// The banner on every screen while anything is broken: errored connections, disabled pages, and "Check",
// which opens the integrations list; below it a milder notice while connections still work but are predicted to
// break (how many, and the earliest date). Reloaded on every live event, so both come and go without a reload.
import { ConnectionAlertsQuery } from '@tsunagi/sdk';
import { ErrorIcon } from './components.js';
import { useConsole, useLoad } from './context.js';
import { navigate } from './router.js';

export function Banner() {
  const { client, t, date } = useConsole();
  const { data } = useLoad(() => client.query(ConnectionAlertsQuery), []);
  const alerts = data?.connectionAlerts;
  const broken = alerts !== undefined && (alerts.erroredConnections > 0 || alerts.disabledBookingPages > 0);
  const atRisk = alerts !== undefined && alerts.atRiskConnections > 0;
  // The region stays in the page so screen readers announce its content when it appears.
  return (
    <section
      class={broken ? 'banner' : atRisk ? 'banner-mild' : 'banner-idle'}
      aria-label={t('banner.label')}
      aria-live="polite"
    >
      {broken ? (
        <>
          <ErrorIcon />
          <p data-testid="banner-text">
            {t('banner.text', { connections: alerts.erroredConnections, pages: alerts.disabledBookingPages })}
          </p>
          <button type="button" onClick={() => navigate('/integrations')}>
            {t('banner.check')}
          </button>
        </>
      ) : null}
      {atRisk ? (
        <p class="foresight" data-testid="at-risk-text">
          {alerts.earliestBreaksAt
            ? t('banner.atRisk', { count: alerts.atRiskConnections, when: date(alerts.earliestBreaksAt) })
            : t('banner.atRiskUndated', { count: alerts.atRiskConnections })}{' '}
          <button type="button" onClick={() => navigate('/integrations')}>
            {t('banner.checkAtRisk')}
          </button>
        </p>
      ) : null}
    </section>
  );
}
