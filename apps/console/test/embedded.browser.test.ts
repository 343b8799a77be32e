// The console in Debian's Chromium against the embedded gateway (PGlite, the demo, the provider emulators on
// loopback): demo sign-in, the page list's first render, and the whole break → notice → fix cycle by clicking.

import { gatewayConfig } from '@tsunagi/gateway';
import { type EmbeddedGateway, startEmbedded } from '@tsunagi/gateway/testing';
import {
  BookingPagesQuery,
  ConnectionAlertsQuery,
  CreateWebhookEndpointMutation,
  createTsunagiClient,
  IntegrationsQuery,
  MailOutboxQuery,
  OrganizationConnectionsQuery,
  SendTestNotificationMutation,
  SendTestWebhookMutation,
  type TsunagiClient,
} from '@tsunagi/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseLanguage, expectAccessible, launchChromium, screenshot } from './browser.js';

const LOCALES = ['en', 'ja', 'it', 'pl'] as const;

interface DemoUser {
  organization: string;
  name: string;
  email: string;
  role: 'ADMIN' | 'MEMBER';
  token: string;
}

let embedded: EmbeddedGateway;
let browser: Browser;
let page: Page;
let origin: string;
let people: DemoUser[];
const clients: TsunagiClient[] = [];

const clientOf = (token: string) => {
  const client = createTsunagiClient({ url: embedded.gateway.url, token });
  clients.push(client);
  return client;
};

beforeAll(async () => {
  embedded = await startEmbedded({
    // Probes every second: a revoked grant is noticed the way a deployment notices it, only sooner.
    config: gatewayConfig({ probes: { enabled: true, intervalSeconds: 1, concurrencyPerProvider: 4 } }),
  });
  origin = new URL(embedded.gateway.url).origin;
  const response = await fetch(`${origin}/console/demo-users`, { headers: { accept: 'application/json' } });
  expect(response.status).toBe(200);
  people = ((await response.json()) as { users: DemoUser[] }).users;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  for (const client of clients) await client.close();
  await embedded?.stop();
});

/**
 * A demo member with nothing broken and a working OAuth calendar (Google or Microsoft 365): the person whose
 * grant the test revokes in that provider's emulator.
 */
async function healthyMember(): Promise<{
  person: DemoUser;
  accountEmail: string;
  connectionId: string;
  controlUrl: string;
}> {
  for (const person of people.filter((p) => p.role === 'MEMBER' && p.organization === 'Acme Scheduling')) {
    const client = clientOf(person.token);
    const { connectionAlerts } = await client.query(ConnectionAlertsQuery);
    if (connectionAlerts.erroredConnections > 0 || connectionAlerts.disabledBookingPages > 0) continue;
    const { integrations } = await client.query(IntegrationsQuery, { tab: 'CONNECTED' });
    for (const integration of integrations) {
      const emulator =
        integration.provider === 'GOOGLE_CALENDAR'
          ? embedded.emulators.google
          : integration.provider === 'MICROSOFT_CALENDAR'
            ? embedded.emulators.microsoft
            : null;
      const account = integration.accounts.find((a) => a.status === 'CONNECTED' && a.accountEmail !== null);
      if (emulator !== null && account !== undefined) {
        return {
          person,
          accountEmail: account.accountEmail!,
          connectionId: account.id,
          controlUrl: `${emulator.url}/_control/accounts/${account.accountEmail}/faults`,
        };
      }
    }
  }
  throw new Error('The demo has no member with a healthy calendar and nothing broken');
}

/** Waits (15 s at most) until every linked account of the viewer with this address is in ERROR. */
async function untilEveryAccountErrored(client: TsunagiClient, accountEmail: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const { integrations } = await client.query(IntegrationsQuery, {});
    const accounts = integrations
      .flatMap((integration) => integration.accounts)
      .filter((account) => account.accountEmail === accountEmail && account.status !== 'DISCONNECTED');
    if (accounts.every((account) => account.status === 'ERROR')) return;
    if (Date.now() > deadline) throw new Error(`${accountEmail}: not every account errored`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The sign-in screen in English, nothing remembered from an earlier test. */
async function signedOut(on: Page): Promise<void> {
  await on.goto(`${origin}/console/`);
  await on.evaluate(() => {
    sessionStorage.clear();
    localStorage.clear();
  });
  await on.goto(`${origin}/console/`);
  await chooseLanguage(on, 'en');
}

describe('the console on the embedded gateway', () => {
  it('is served at /console and offers the demo people (embedded mode only)', async () => {
    expect(embedded.gateway.consoleUrl).toBe(`${origin}/console/`);
    expect(people.map((person) => person.name)).toContain('Aiko Tanaka');
    const html = await fetch(`${origin}/console/integrations?tab=ALL`);
    expect(html.status).toBe(200);
    expect(await html.text()).toContain('<div id="app">');
  });

  it('revoke → live banner → Check → the error in Japanese → Reconnect → consent → back, page ACTIVE, banner gone', async () => {
    const { person, accountEmail, connectionId, controlUrl } = await healthyMember();

    await signedOut(page);
    await chooseLanguage(page, 'ja');
    await expectAccessible(page, 'sign-in (ja)');
    // How fast the list renders is measured by bench/src/console.bench.ts, not asserted here.
    await page.getByRole('button', { name: `${person.name} としてサインイン` }).click();
    await page.getByTestId('pages').waitFor();
    expect(await page.locator('.banner').count()).toBe(0);
    const memberPages = await page.locator('[data-testid="pages"] tbody tr').count();
    expect(memberPages).toBeGreaterThan(0);

    // Break it in the emulator: the next probe finds the grant revoked; the banner comes without a reload.
    const revoked = Date.now();
    const fault = await fetch(controlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'REVOKE_GRANT' }),
    });
    expect(fault.ok).toBe(true);
    await page.getByTestId('banner-text').waitFor({ timeout: 15_000 });
    console.log(`banner shown ${Date.now() - revoked} ms after the grant was revoked (probe every 1 s)`);
    // One grant can back two connections (Microsoft's calendar and Teams): let the probes find them all.
    await untilEveryAccountErrored(clientOf(person.token), accountEmail);
    await expect(page.getByTestId('banner-text').textContent()).resolves.toMatch(/接続エラーの連携 \d+ 件/);
    await expect(
      page.locator('[data-testid="pages"] tr[data-state="DISABLED_CONNECTION_ERROR"]').count(),
    ).resolves.toBeGreaterThan(0);
    await expectAccessible(page, 'pages with banner (ja)');

    // Check → the integrations list shows the error, in Japanese, as the gateway words it.
    await page.locator('.banner').getByRole('button', { name: '確認する' }).click();
    const row = page.locator(`tr[data-connection="${connectionId}"]`);
    await row.waitFor();
    await expect(row.locator('.status-error').textContent()).resolves.toContain('接続エラー');
    const { integrations } = await clientOf(person.token).query(IntegrationsQuery, { locale: 'JA' });
    const japanese = integrations
      .flatMap((integration) => integration.accounts)
      .find((account) => account.id === connectionId)?.lastError?.title;
    expect(japanese).toBeTruthy();
    await expect(row.locator('.error-title').textContent()).resolves.toBe(japanese);
    await expectAccessible(page, 'integrations with an error (ja)');
    await screenshot(page, 'readme-integrations-error-ja');

    // Reconnect: the browser goes through the emulator's consent and comes back to the console.
    await row.getByRole('button', { name: `再接続: ${accountEmail}` }).click();
    await page.waitForURL((url) => url.pathname === '/console/integrations' && url.search === '', {
      timeout: 15_000,
    });
    // The outcome renders once the restored session has mounted the screen again.
    await page
      .getByTestId('oauth-outcome')
      .filter({ hasText: '再接続されました' })
      .waitFor({ timeout: 10_000 });
    await expect(row.locator('.status-connected').first().textContent()).resolves.toContain('接続済み');
    // One grant can back two connections (Microsoft's calendar and Teams): reconnect whatever else it broke,
    // as the rows of the reloaded list appear, until the banner is gone.
    const healed = Date.now() + 30_000;
    while ((await page.locator('.banner').count()) > 0) {
      expect(Date.now(), 'the banner is still shown 30 s after the reconnects').toBeLessThan(healed);
      const more = page.locator('tr:has(.status-error) button', { hasText: '再接続' });
      if ((await more.count()) === 0) {
        await page.waitForTimeout(250);
        continue;
      }
      // The row can heal on its own while we reach for it (the reconnect of one grant lets the probe clear its
      // sibling, and the live list re-renders): then the click finds nothing and we look again.
      const clicked = await more
        .first()
        .click({ timeout: 3_000 })
        .then(() => true)
        .catch(() => false);
      if (!clicked) continue;
      await page.waitForURL((url) => url.pathname === '/console/integrations' && url.search === '', {
        timeout: 15_000,
      });
      await page.getByTestId('oauth-outcome').getByText('再接続されました').waitFor();
    }

    await page.getByRole('link', { name: '予約ページ一覧' }).click();
    await page.getByTestId('pages').waitFor();
    expect(
      await page.locator('[data-testid="pages"] tr[data-state="DISABLED_CONNECTION_ERROR"]').count(),
    ).toBe(0);
    await page.getByRole('button', { name: 'サインアウト' }).click();
  }, 180_000);

  // One test per language (each with its own time budget under CI load), after one setup and one sign-in.
  describe('every screen, shown to an administrator accessibly, in', () => {
    const screens: { name: string; path: string; ready: string }[] = [];

    beforeAll(async () => {
      const aiko = people.find((person) => person.name === 'Aiko Tanaka')!;
      const admin = clientOf(aiko.token);
      const { createWebhookEndpoint } = await admin.mutate(CreateWebhookEndpointMutation, {
        input: { url: 'http://127.0.0.1:9/tsunagi-hook', description: 'CRM sync', eventTypes: [] },
      });
      await admin.mutate(SendTestWebhookMutation, { endpointId: createWebhookEndpoint.endpoint.id });
      // Mail in the outbox, so its screen has a message to show.
      await admin.mutate(SendTestNotificationMutation);
      const { bookingPages } = await admin.query(BookingPagesQuery, { first: 100 });
      const disabled = bookingPages.edges.find(
        ({ node }) => node.state === 'DISABLED_CONNECTION_ERROR',
      )!.node;
      screens.push(
        { name: 'pages', path: '/pages', ready: '[data-testid="pages"]' },
        { name: 'page-detail', path: `/pages/${disabled.id}`, ready: '[data-testid="plan"]' },
        { name: 'integrations', path: '/integrations', ready: '.card' },
        { name: 'people', path: '/admin/users', ready: '[data-testid="users"]' },
        { name: 'connections', path: '/admin/connections', ready: '[data-testid="connections"]' },
        { name: 'webhooks', path: '/admin/webhooks', ready: '[data-testid="webhooks"]' },
        { name: 'exchange', path: '/admin/exchange', ready: '[data-testid="exchange-report"]' },
        { name: 'notifications', path: '/notifications', ready: '[data-testid="organization-settings"]' },
        { name: 'outbox', path: '/outbox', ready: '[data-testid="outbox"]' },
      );
      await signedOut(page);
      await page.getByRole('button', { name: 'Sign in as Aiko Tanaka' }).click();
      await page.getByTestId('pages').waitFor();
    }, 120_000);

    afterAll(async () => {
      await chooseLanguage(page, 'en');
    });

    for (const locale of LOCALES) {
      it(locale, async () => {
        await chooseLanguage(page, locale);
        for (const screen of screens) {
          await page.evaluate((path) => {
            history.pushState(null, '', `/console${path}`);
            dispatchEvent(new PopStateEvent('popstate'));
          }, screen.path);
          await page.locator(screen.ready).first().waitFor();
          if (screen.name === 'webhooks') {
            await page
              .getByRole('button', { name: /deliveries|配信履歴|consegne|dostawy/i })
              .first()
              .click();
            await page.getByTestId('deliveries').waitFor();
          }
          if (screen.name === 'outbox') {
            await page.locator('[data-testid="outbox"] tbody button').first().click();
            await page.getByTestId('outbox-message').waitFor();
            // The mail's HTML part, once its sandboxed frame has rendered it.
            await page.frameLocator('iframe.mail-html').locator('body *').first().waitFor();
          }
          if (screen.name === 'page-detail') await page.getByTestId('impact').waitFor();
          if (locale === 'en') await expectAccessible(page, `${screen.name} (${locale})`);
          await screenshot(page, `${screen.name}-${locale}`);
        }
      }, 180_000);
    }
  });

  it('works by keyboard, performs a remediation button and the Exchange fix', async () => {
    const aiko = people.find((person) => person.name === 'Aiko Tanaka')!;
    const admin = clientOf(aiko.token);
    const { bookingPages } = await admin.query(BookingPagesQuery, { first: 100 });
    // A page whose only trouble is its owner's location: removing the locations brings it back.
    const locationOnly = bookingPages.edges.find(
      ({ node }) =>
        node.reasons.length > 0 &&
        node.reasons.every((reason) => reason.kind === 'OWNER_LOCATION_ERROR') &&
        node.remediation.some((step) =>
          step.options.some((option) =>
            option.actions.some((action) => action.kind === 'REMOVE_ALL_LOCATIONS'),
          ),
        ),
    )?.node;
    expect(locationOnly).toBeDefined();
    await signedOut(page);
    await page.getByRole('button', { name: 'Sign in as Aiko Tanaka' }).click();
    await page.getByTestId('pages').waitFor();

    // Keyboard only: the tabs of the integrations list move with the arrow keys and follow the address bar.
    await page.evaluate(() => {
      history.pushState(null, '', '/console/integrations');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await page.getByRole('tab', { name: 'All' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => location.search === '?tab=CONNECTED');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Connected');

    // A remediation button performs its action: the page's locations go and it takes bookings again.
    await page.evaluate((id) => {
      history.pushState(null, '', `/console/pages/${id}`);
      dispatchEvent(new PopStateEvent('popstate'));
    }, locationOnly!.id);
    await page.getByTestId('plan').waitFor();
    await page.getByRole('button', { name: 'Remove all locations' }).click();
    await page.locator('main .state-active').first().waitFor({ timeout: 10_000 });
    const after = await admin.query(BookingPagesQuery, { first: 100 });
    expect(after.bookingPages.edges.find(({ node }) => node.id === locationOnly!.id)?.node.state).toBe(
      'ACTIVE',
    );

    // The Exchange fix: test and save the healthy server; the report passes and the settings are OK.
    const { exchange } = embedded.emulators;
    await page.getByRole('link', { name: 'Exchange' }).click();
    await page.getByLabel('EWS URL').fill(exchange.url);
    await page.getByLabel('Role account').fill(exchange.credentials.username);
    await page.getByLabel('Password').fill(exchange.credentials.password);
    await page.getByLabel('Test with the mailbox of').fill('ben@acme.example');
    await page.getByRole('button', { name: 'Test and save' }).click();
    await page.getByText('Every check passed.').waitFor({ timeout: 15_000 });
    await page.getByTestId('exchange-status').getByText('working').waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-testid="exchange-report"] li[data-status="FAILED"]').count()).toBe(0);
  }, 180_000);

  it('shows the Exchange report step by step as the test runs', async () => {
    const { exchange } = embedded.emulators;
    await signedOut(page);
    await page.getByRole('button', { name: 'Sign in as Aiko Tanaka' }).click();
    await page.getByTestId('pages').waitFor();
    await page.getByRole('link', { name: 'Exchange' }).click();
    await page.getByLabel('EWS URL').fill(exchange.url);
    await page.getByLabel('Role account').fill(exchange.credentials.username);
    await page.getByLabel('Password').fill(exchange.credentials.password);
    await page.getByLabel('Test with the mailbox of').fill('ben@acme.example');
    // Every authenticated EWS answer comes 3 s late (the probes of Exchange calendars share the emulator, so
    // more than one request): the checks before CREDENTIALS are on screen while it still runs.
    exchange.faults.inject({ kind: 'LATENCY', ms: 3_000, requests: 1_000 });
    try {
      await page.getByRole('button', { name: 'Test', exact: true }).click();
      const report = page.getByTestId('exchange-report');
      await report
        .and(page.locator('[data-running="true"]'))
        .locator('li')
        .first()
        .waitFor({ timeout: 15_000 });
      const whileRunning = await report.locator('li').count();
      expect(whileRunning).toBeGreaterThan(0);
      expect(whileRunning).toBeLessThan(9);
      expect(await report.getAttribute('aria-live')).toBe('polite');
      await expect(page.getByTestId('exchange-verdict').textContent()).resolves.toContain('Testing');
      await page.getByText('Every check passed.').waitFor({ timeout: 30_000 });
      expect(await report.locator('li').count()).toBe(9);
      expect(await report.getAttribute('data-running')).toBe('false');
      await expectAccessible(page, 'exchange live report');
    } finally {
      exchange.faults.clear();
    }
  }, 120_000);

  it('keeps a notification setting after a reload, and a test notification lands in the outbox', async () => {
    await signedOut(page);
    await page.getByRole('button', { name: 'Sign in as Aiko Tanaka' }).click();
    await page.getByTestId('pages').waitFor();
    await page.getByRole('link', { name: 'Notifications' }).click();
    const own = page.getByTestId('own-settings');
    await own.waitFor();
    const quiet = own.getByLabel('Hold messages during quiet hours');
    if (!(await quiet.isChecked())) await quiet.check();
    await own.getByLabel('From').fill('21:30');
    await own.getByLabel('until').fill('06:45');
    await own.getByLabel('Time zone').fill('Asia/Tokyo');
    await own.getByRole('button', { name: 'Save my settings' }).click();
    await page.locator('output.live', { hasText: 'Done.' }).first().waitFor();

    await page.reload();
    await page.getByTestId('own-settings').waitFor();
    await expect(page.getByTestId('own-settings').getByLabel('From').inputValue()).resolves.toBe('21:30');
    await expect(page.getByTestId('own-settings').getByLabel('until').inputValue()).resolves.toBe('06:45');
    await expect(page.getByTestId('own-settings').getByLabel('Time zone').inputValue()).resolves.toBe(
      'Asia/Tokyo',
    );
    await expectAccessible(page, 'notifications');

    // The test notification goes out at once, quiet hours or not, and the outbox screen shows it.
    const before = Date.now();
    await page.getByRole('button', { name: 'Send a test notification' }).click();
    await page
      .locator('[data-testid="test-results"] li[data-ok="true"]')
      .first()
      .waitFor({ timeout: 15_000 });
    const aiko = people.find((person) => person.name === 'Aiko Tanaka')!;
    const { mailOutbox } = await clientOf(aiko.token).query(MailOutboxQuery, { first: 1 });
    const newest = mailOutbox.edges[0]!.node;
    expect(Date.parse(newest.receivedAt)).toBeGreaterThanOrEqual(before - 1_000);
    await page.getByRole('link', { name: 'Mail outbox' }).click();
    const row = page.locator(`[data-testid="outbox"] tr[data-message="${newest.id}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(newest.subject);
    await row.getByRole('button').click();
    const message = page.getByTestId('outbox-message');
    await message.waitFor();
    await expect(message.locator('pre').textContent()).resolves.toBe(newest.text);
    if (newest.html !== '') {
      // The HTML only inside a sandboxed frame: no script, an opaque origin.
      expect(await message.locator('iframe').getAttribute('sandbox')).toBe(
        'allow-popups allow-popups-to-escape-sandbox',
      );
      const rendered = message.frameLocator('iframe').locator('body');
      await rendered.locator('*').first().waitFor();
      expect((await rendered.innerText()).trim()).not.toBe('');
    }
    await expectAccessible(page, 'outbox');
  }, 120_000);

  it('creates a webhook endpoint by keyboard, shows its secret once, and deletes it after confirming', async () => {
    await signedOut(page);
    await page.getByRole('button', { name: 'Sign in as Aiko Tanaka' }).click();
    await page.getByTestId('pages').waitFor();
    await page.getByRole('link', { name: 'Webhooks' }).click();
    const url = `http://127.0.0.1:9/console-hook-${Date.now()}`;
    await page.getByText('Add an endpoint').focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Receiver URL').focus();
    await page.keyboard.type(url);
    await page.getByLabel('CONNECTION_STATUS_CHANGED').focus();
    await page.keyboard.press('Space');
    await page.getByLabel('Receiver URL').focus();
    await page.keyboard.press('Enter');

    const secretBox = page.getByTestId('webhook-secret');
    await secretBox.waitFor();
    const secret = await secretBox.getByLabel('Secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    await expect(secretBox.textContent()).resolves.toContain(url);
    await expectAccessible(page, 'webhooks with a new secret');
    const row = page.locator('[data-testid="webhooks"] tr', { hasText: url });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('CONNECTION_STATUS_CHANGED');

    // Once: gone when dismissed, and nowhere after a reload.
    await secretBox.getByRole('button', { name: 'I have stored it' }).click();
    expect(await page.getByTestId('webhook-secret').count()).toBe(0);
    await page.reload();
    await row.waitFor();
    expect(await page.content()).not.toContain(secret);

    // Turning it off, then deleting it, which asks first.
    await row.getByRole('button', { name: `Turn off: ${url}` }).click();
    await row.locator('td[data-enabled="false"]').waitFor();
    await row.getByRole('button', { name: `Delete: ${url}` }).click();
    await row.getByRole('button', { name: 'Cancel' }).click();
    expect(await row.count()).toBe(1);
    await row.getByRole('button', { name: `Delete: ${url}` }).click();
    await row.getByRole('button', { name: 'Yes, delete' }).click();
    await row.waitFor({ state: 'detached' });
  }, 120_000);

  it("refuses administrators' screens to a member", async () => {
    const member = people.find(
      (person) => person.role === 'MEMBER' && person.organization === 'Acme Scheduling',
    )!;
    await signedOut(page);
    await page.getByRole('button', { name: `Sign in as ${member.name}` }).click();
    await page.getByTestId('pages').waitFor();
    expect(await page.getByRole('link', { name: 'People' }).count()).toBe(0);
    await page.evaluate(() => {
      history.pushState(null, '', '/console/admin/users');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    // The route falls back to the member's own page list; the API refuses the admin query anyway.
    await page.getByTestId('pages').waitFor();
    expect(await page.getByTestId('users').count()).toBe(0);

    // Their own notification settings, not the organization's.
    await page.getByRole('link', { name: 'Notifications' }).click();
    await page.getByTestId('own-settings').waitFor();
    expect(await page.getByTestId('organization-settings').count()).toBe(0);
    await expectAccessible(page, 'notifications (member)');
  });

  it('shows a round-robin page losing a host live, and regaining it', async () => {
    const aiko = people.find((person) => person.name === 'Aiko Tanaka')!;
    const admin = clientOf(aiko.token);
    const { bookingPages } = await admin.query(BookingPagesQuery, { first: 100 });
    const { connections } = await admin.query(OrganizationConnectionsQuery, {
      first: 100,
      filter: { status: ['CONNECTED'], provider: ['GOOGLE_CALENDAR', 'MICROSOFT_CALENDAR'] },
    });
    // An ACTIVE round-robin page with two hosts or more, one of whom has a working OAuth calendar.
    let chosen: { pageId: string; hostId: string; controlUrl: string } | null = null;
    for (const { node } of bookingPages.edges) {
      if (!node.roundRobin || node.state !== 'ACTIVE' || node.eligibleHosts.length < 2) continue;
      for (const host of node.eligibleHosts) {
        const calendar = connections.edges.find(
          (edge) => edge.node.user.id === host.id && edge.node.accountEmail,
        );
        if (calendar === undefined) continue;
        const emulator =
          calendar.node.provider === 'GOOGLE_CALENDAR'
            ? embedded.emulators.google
            : embedded.emulators.microsoft;
        chosen = {
          pageId: node.id,
          hostId: host.id,
          controlUrl: `${emulator.url}/_control/accounts/${calendar.node.accountEmail}/faults`,
        };
        break;
      }
      if (chosen) break;
    }
    expect(chosen).not.toBeNull();
    const { pageId, hostId, controlUrl } = chosen!;

    await signedOut(page);
    await page.getByRole('button', { name: 'Sign in as Aiko Tanaka' }).click();
    await page.getByTestId('pages').waitFor();
    await page.evaluate((id) => {
      history.pushState(null, '', `/console/pages/${id}`);
      dispatchEvent(new PopStateEvent('popstate'));
    }, pageId);
    const host = page.locator(`[data-testid="hosts"] > li[data-host="${hostId}"]`);
    await host.and(page.locator('[data-eligible="true"]')).waitFor();

    // The host's grant is revoked: the next probe takes them out of the rotation, and the detail says why.
    expect(
      (
        await fetch(controlUrl, {
          method: 'POST',
          body: JSON.stringify({ kind: 'REVOKE_GRANT' }),
          headers: { 'content-type': 'application/json' },
        })
      ).ok,
    ).toBe(true);
    await host.and(page.locator('[data-eligible="false"]')).waitFor({ timeout: 15_000 });
    expect((await host.locator('li').allTextContents()).length).toBeGreaterThan(0);
    await expectAccessible(page, 'round-robin page with a host out');
    await screenshot(page, 'page-detail-host-lost-en');

    // The provider works again (faults cleared): the next probe brings the host back, live.
    expect((await fetch(controlUrl, { method: 'DELETE' })).ok).toBe(true);
    await host.and(page.locator('[data-eligible="true"]')).waitFor({ timeout: 15_000 });
  }, 120_000);
});
