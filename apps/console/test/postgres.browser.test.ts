// The console in Debian's Chromium against a gateway on PostgreSQL (the demo and the emulators, no demo sign-in,
// as on a deployment): the demo people are not offered, a pasted token signs in, the banner's Check opens the
// integrations list, and a refused token is said so.
import { createDatabase } from '@tsunagi/db';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@tsunagi/db/testing';
import { describePostgres } from '@tsunagi/db/testing/suites';
import { gatewayConfig } from '@tsunagi/gateway';
import { type EmbeddedGateway, startEmbedded } from '@tsunagi/gateway/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectAccessible, launchChromium } from './browser.js';

describePostgres('the console on PostgreSQL', () => {
  let database: ThrowawayDatabase;
  let embedded: EmbeddedGateway;
  let browser: Browser;
  let page: Page;
  let origin: string;

  beforeAll(async () => {
    database = await createThrowawayDatabase('tsunagi_console');
    const handle = createDatabase({ databaseUrl: database.url });
    await handle.migrate();
    embedded = await startEmbedded({ config: gatewayConfig(), database: handle, demoSignIn: false });
    origin = new URL(embedded.gateway.url).origin;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await embedded?.stop();
    await database?.drop();
  });

  it('offers no demo people outside embedded mode', async () => {
    const response = await fetch(`${origin}/console/demo-users`, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(404);
  });

  it('signs in with a pasted token and goes from the banner to the integrations list', async () => {
    await page.goto(`${origin}/console/`);
    expect(await page.getByRole('button', { name: /^Sign in as / }).count()).toBe(0);
    await page.getByLabel('Token or API key').fill('not-a-token');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('That token was refused').waitFor();

    await page.getByLabel('Token or API key').fill(embedded.gateway.demo.adminToken);
    const submitted = Date.now();
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByTestId('pages').waitFor();
    console.log(`page list rendered ${Date.now() - submitted} ms after signing in (PostgreSQL, loopback)`);
    // The demo's broken connections: disabled pages come first, and the banner says so.
    expect(await page.locator('[data-testid="pages"] tbody tr').first().getAttribute('data-state')).toBe(
      'DISABLED_CONNECTION_ERROR',
    );
    await page.getByTestId('banner-text').waitFor();
    await expectAccessible(page, 'pages on PostgreSQL');
    await page.locator('.banner').getByRole('button', { name: 'Check' }).click();
    await page.locator('.card').first().waitFor();
    expect(page.url()).toBe(`${origin}/console/integrations`);
  }, 120_000);
});
