// The console in Debian's Chromium against the embedded gateway (PGlite, the demo, the provider emulators on
// loopback): demo sign-in, the page list's first render, and the whole break → notice → fix cycle by clicking.

import { gatewayConfig } from '@tsunagi/gateway';
import { type EmbeddedGateway, startEmbedded } from '@tsunagi/gateway/testing';
import {
  ConnectionAlertsQuery,
  createTsunagiClient,
  IntegrationsQuery,
  type TsunagiClient,
} from '@tsunagi/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseLanguage, expectAccessible, launchChromium, screenshot } from './browser.js';

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

    await page.goto(`${origin}/console/`);
    await chooseLanguage(page, 'ja');
    await expectAccessible(page, 'sign-in (ja)');
    const signedIn = Date.now();
    await page.getByRole('button', { name: `${person.name} としてサインイン` }).click();
    await page.getByTestId('pages').waitFor();
    const listMs = Date.now() - signedIn;
    console.log(`page list rendered ${listMs} ms after the sign-in click (loopback)`);
    expect(listMs).toBeLessThan(10_000);
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
    await expect(page.getByTestId('banner-text').textContent()).resolves.toMatch(/接続エラーの連携 1 件/);
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
    await expect(page.getByTestId('oauth-outcome').textContent()).resolves.toContain('再接続されました');
    await expect(row.locator('.status-connected').first().textContent()).resolves.toContain('接続済み');
    await page.locator('.banner').waitFor({ state: 'detached', timeout: 5_000 });

    await page.getByRole('link', { name: '予約ページ一覧' }).click();
    await page.getByTestId('pages').waitFor();
    expect(
      await page.locator('[data-testid="pages"] tr[data-state="DISABLED_CONNECTION_ERROR"]').count(),
    ).toBe(0);
    await page.getByRole('button', { name: 'サインアウト' }).click();
  });
});
