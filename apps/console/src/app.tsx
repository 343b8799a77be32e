// The console's shell: sign-in, then the header (language, sign-out), navigation by role, the live banner and
// the screen the address bar names.
import { isTsunagiClientError, ViewerQuery } from '@tsunagi/sdk';
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { Banner } from './banner.js';
import { ConsoleContext, type ConsoleContextValue, type Viewer } from './context.js';
import {
  type ConsoleLocale,
  formatDate,
  initialLocale,
  LOCALE_NAMES,
  LOCALES,
  type MessageKey,
  type Translate,
  translator,
} from './i18n/index.js';
import { useLiveVersion } from './live.js';
import { BASE, navigate, type Route, useRoute } from './router.js';
import { ConnectionsScreen } from './screens/connections.js';
import { ExchangeScreen } from './screens/exchange.js';
import { IntegrationsScreen } from './screens/integrations.js';
import { NotificationsScreen } from './screens/notifications.js';
import { OutboxScreen } from './screens/outbox.js';
import { PageDetailScreen } from './screens/page-detail.js';
import { PagesScreen } from './screens/pages.js';
import { SignInScreen } from './screens/sign-in.js';
import { UsersScreen } from './screens/users.js';
import { WebhooksScreen } from './screens/webhooks.js';
import { clientFor, savedToken, saveToken } from './session.js';

const LOCALE_KEY = 'tsunagi.console.locale';

export function App() {
  const [locale, setLocale] = useState<ConsoleLocale>(() =>
    initialLocale(localStorage.getItem(LOCALE_KEY), navigator.languages),
  );
  const [token, setToken] = useState<string | null>(savedToken);
  const t = useMemo(() => translator(locale), [locale]);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('app.title');
    localStorage.setItem(LOCALE_KEY, locale);
  }, [locale, t]);
  const signIn = useCallback((next: string | null) => {
    saveToken(next);
    setToken(next);
  }, []);
  const languages = <LanguageSwitch locale={locale} onChange={setLocale} t={t} />;
  if (token === null) {
    return (
      <Frame t={t} header={languages}>
        <SignInScreen t={t} onSignIn={signIn} />
      </Frame>
    );
  }
  return (
    <SignedIn
      key={token}
      token={token}
      locale={locale}
      t={t}
      languages={languages}
      onSignOut={() => signIn(null)}
    />
  );
}

function SignedIn(props: {
  token: string;
  locale: ConsoleLocale;
  t: Translate;
  languages: ComponentChildren;
  onSignOut: () => void;
}) {
  const { token, locale, t, onSignOut } = props;
  const client = useMemo(() => clientFor(token), [token]);
  useEffect(() => () => void client.close(), [client]);
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    client.query(ViewerQuery).then(
      ({ viewer }) => setViewer(viewer),
      (error: unknown) => {
        if (isTsunagiClientError(error) && error.code === 'UNAUTHENTICATED') onSignOut();
        else setFailure(error instanceof Error ? error.message : String(error));
      },
    );
  }, [client, onSignOut]);
  const [version, changed] = useLiveVersion(client);
  const route = useRoute();
  const context = useMemo<ConsoleContextValue | null>(
    () =>
      viewer === null
        ? null
        : {
            client,
            token,
            viewer,
            locale,
            t,
            date: (iso) => formatDate(locale, iso, t('common.never')),
            version,
            changed,
          },
    [client, token, viewer, locale, t, version, changed],
  );
  if (context === null) {
    return (
      <Frame t={t} header={props.languages}>
        <output>{failure === null ? t('common.loading') : t('common.failed', { message: failure })}</output>
      </Frame>
    );
  }
  const admin = context.viewer.role === 'ADMIN';
  return (
    <ConsoleContext.Provider value={context}>
      <Frame
        t={t}
        header={
          <>
            <span class="who">
              {t('app.signedInAs', { name: context.viewer.name, role: t(`role.${context.viewer.role}`) })}
            </span>
            {props.languages}
            <button type="button" onClick={onSignOut}>
              {t('app.signOut')}
            </button>
          </>
        }
        nav={<Navigation route={route} admin={admin} t={t} />}
        banner={<Banner />}
      >
        <CurrentScreen route={route} admin={admin} />
      </Frame>
    </ConsoleContext.Provider>
  );
}

function Frame(props: {
  t: Translate;
  header: ComponentChildren;
  nav?: ComponentChildren;
  banner?: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <>
      <a class="skip" href="#main">
        {props.t('app.skip')}
      </a>
      <header class="top">
        <p class="brand">{props.t('app.title')}</p>
        <div class="tools">{props.header}</div>
      </header>
      {props.nav}
      {props.banner}
      <main id="main" tabIndex={-1}>
        {props.children}
      </main>
    </>
  );
}

function LanguageSwitch(props: {
  locale: ConsoleLocale;
  onChange: (locale: ConsoleLocale) => void;
  t: Translate;
}) {
  return (
    <label class="language">
      {props.t('app.language')}{' '}
      <select
        value={props.locale}
        onChange={(event) =>
          props.onChange((event.currentTarget as HTMLSelectElement).value as ConsoleLocale)
        }
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </select>
    </label>
  );
}

const NAVIGATION: readonly { path: string; key: MessageKey; admin: boolean }[] = [
  { path: '/pages', key: 'nav.pages', admin: false },
  { path: '/integrations', key: 'nav.integrations', admin: false },
  { path: '/notifications', key: 'nav.notifications', admin: false },
  { path: '/outbox', key: 'nav.outbox', admin: false },
  { path: '/admin/users', key: 'nav.users', admin: true },
  { path: '/admin/connections', key: 'nav.connections', admin: true },
  { path: '/admin/webhooks', key: 'nav.webhooks', admin: true },
  { path: '/admin/exchange', key: 'nav.exchange', admin: true },
];

/** A link that routes in the page (and still works as a plain link: new tab, copy). */
export function Link(props: {
  to: string;
  children: ComponentChildren;
  current?: boolean;
  class?: string;
  'aria-label'?: string;
}) {
  return (
    <a
      href={`${BASE}${props.to}`}
      class={props.class}
      aria-label={props['aria-label']}
      aria-current={props.current ? 'page' : undefined}
      onClick={(event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        navigate(props.to);
      }}
    >
      {props.children}
    </a>
  );
}

function Navigation({ route, admin, t }: { route: Route; admin: boolean; t: Translate }) {
  const section = route.path === '/' ? '/pages' : route.path;
  return (
    <nav aria-label={t('nav.label')}>
      <ul>
        {NAVIGATION.filter((item) => admin || !item.admin).map((item) => (
          <li key={item.path}>
            <Link to={item.path} current={section.startsWith(item.path)}>
              {t(item.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function CurrentScreen({ route, admin }: { route: Route; admin: boolean }) {
  const path = route.path.replace(/\/+$/, '') || '/pages';
  const page = /^\/pages\/([^/]+)$/.exec(path);
  if (page) return <PageDetailScreen id={decodeURIComponent(page[1]!)} route={route} />;
  if (path === '/integrations') return <IntegrationsScreen route={route} />;
  if (path === '/notifications') return <NotificationsScreen />;
  if (path === '/outbox') return <OutboxScreen />;
  if (admin && path === '/admin/users') return <UsersScreen />;
  if (admin && path === '/admin/connections') return <ConnectionsScreen />;
  if (admin && path === '/admin/webhooks') return <WebhooksScreen />;
  if (admin && path === '/admin/exchange') return <ExchangeScreen />;
  return <PagesScreen />;
}
