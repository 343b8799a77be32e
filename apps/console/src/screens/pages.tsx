// The booking page list: pages disabled by a connection error first (the gateway's order), each with its state
// and "Check", which opens the integrations list as in the seed; the title opens the page's detail.
import { BookingPagesQuery } from '@tsunagi/sdk';
import { Link } from '../app.js';
import { Failure, PageStateLabel, Screen } from '../components.js';
import { useConsole, useLoad } from '../context.js';
import { apiLocale } from '../i18n/index.js';
import { navigate } from '../router.js';

export function PagesScreen() {
  const { client, t, locale } = useConsole();
  const { data, error } = useLoad(
    () => client.query(BookingPagesQuery, { first: 100, locale: apiLocale(locale) }),
    [locale],
  );
  const pages = data?.bookingPages;
  return (
    <Screen title={t('pages.title')}>
      <Failure error={error} />
      {pages === undefined ? (
        error ? null : (
          <output>{t('common.loading')}</output>
        )
      ) : pages.edges.length === 0 ? (
        <p>{t('pages.empty')}</p>
      ) : (
        <table data-testid="pages">
          <caption>{t('pages.count', { count: pages.totalCount })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('col.title')}</th>
              <th scope="col">{t('col.state')}</th>
              <th scope="col">{t('col.owner')}</th>
              <th scope="col">{t('col.accepting')}</th>
              <th scope="col">{t('col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {pages.edges.map(({ node }) => (
              <tr key={node.id} data-state={node.state}>
                <th scope="row">
                  <Link to={`/pages/${encodeURIComponent(node.id)}`}>{node.title}</Link>
                </th>
                <td>
                  <PageStateLabel state={node.state} />
                </td>
                <td>{node.owner.name}</td>
                <td>{node.acceptingBookings ? t('common.yes') : t('common.no')}</td>
                <td>
                  {node.state === 'DISABLED_CONNECTION_ERROR' ? (
                    <button
                      type="button"
                      aria-label={t('pages.checkLabel', { title: node.title })}
                      onClick={() => navigate('/integrations')}
                    >
                      {t('pages.check')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Screen>
  );
}
