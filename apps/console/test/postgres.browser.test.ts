// The console in Debian's Chromium against a gateway on PostgreSQL (the demo and the emulators, no demo sign-in,
// as on a deployment): the demo people are not offered, a pasted token signs in, the banner's Check opens the
// integrations list, and a refused token is said so. No probes run here, so a predicted break recorded by the
// test stays as it is: the at-risk connection shows its break date, and a page its "what would stop it".
import { createDatabase } from '@tsunagi/db';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@tsunagi/db/testing';
import { describePostgres } from '@tsunagi/db/testing/suites';
import { gatewayConfig } from '@tsunagi/gateway';
import { type EmbeddedGateway, startEmbedded } from '@tsunagi/gateway/testing';
import {
  BookingPagesQuery,
  ConnectionImpactQuery,
  createTsunagiClient,
  IntegrationsQuery,
} from '@tsunagi/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectAccessible, launchChromium, screenshot } from './browser.js';

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

  it('shows when an at-risk connection breaks and why (banner and integrations), and what would stop a page', async () => {
    const { demo } = embedded.gateway;
    const admin = createTsunagiClient({ url: embedded.gateway.url, token: demo.adminToken });
    try {
      const { integrations } = await admin.query(IntegrationsQuery, { tab: 'CONNECTED' });
      const account = integrations
        .flatMap((integration) => integration.accounts)
        .find((candidate) => candidate.status === 'CONNECTED' && candidate.health === 'HEALTHY');
      expect(account).toBeDefined();
      // What a probe records when the foresight rules predict a break (issue 14 §2): still working, AT_RISK,
      // with the date and the rule.
      const breaksAt = new Date(Date.now() + 5 * 86_400_000);
      const recorded = await embedded.gateway.services.state.recordProbeResult(
        { organizationId: demo.organizationId, role: 'SYSTEM' },
        account!.id,
        {
          ok: true,
          atRisk: {
            code: 'AUTH_EXPIRED',
            action: 'REAUTHORIZE',
            retryable: false,
            connectionBroken: false,
            message: 'The grant expires',
          },
          foresight: { breaksAt, reason: 'GOOGLE_TESTING_APP_GRANT_EXPIRY' },
        },
      );
      expect(recorded.ok).toBe(true);

      await page.goto(`${origin}/console/integrations`);
      const row = page.locator(`tr[data-connection="${account!.id}"]`);
      const when = await page.evaluate(
        (iso) =>
          new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso)),
        breaksAt.toISOString(),
      );
      // Live: the probe result's event reloads the screen.
      await row.getByTestId('breaks-at').waitFor({ timeout: 15_000 });
      await expect(row.getByTestId('breaks-at').textContent()).resolves.toContain(when);
      await expect(row.getByTestId('breaks-at').textContent()).resolves.toContain('7 days');
      // The milder notice names the earliest break among the organization's at-risk connections.
      const notice = page.getByTestId('at-risk-text');
      await notice.waitFor();
      await expect(notice.textContent()).resolves.toMatch(
        /Connections that still work but will stop: \d+, the first on/,
      );
      await expectAccessible(page, 'integrations with an at-risk connection');
      await screenshot(page, 'integrations-at-risk-en');

      // A page's detail: for each person it relies on, what connectionImpact says would happen.
      const { bookingPages } = await admin.query(BookingPagesQuery, { first: 100 });
      const roundRobin = bookingPages.edges.find(
        ({ node }) => node.roundRobin && node.state === 'ACTIVE' && node.eligibleHosts.length >= 2,
      )!.node;
      await page.evaluate((id) => {
        history.pushState(null, '', `/console/pages/${id}`);
        dispatchEvent(new PopStateEvent('popstate'));
      }, roundRobin.id);
      const impact = page.getByTestId('impact');
      await impact.waitFor();
      for (const host of roundRobin.eligibleHosts) {
        const { connectionImpact } = await admin.query(ConnectionImpactQuery, {
          input: { userId: host.id, status: 'ERROR' },
        });
        const effect =
          connectionImpact.pages.find((entry) => entry.bookingPage.id === roundRobin.id)?.effect ?? 'NONE';
        await expect(impact.locator(`li[data-user="${host.id}"]`).getAttribute('data-effect')).resolves.toBe(
          effect,
        );
      }
      await expect(impact.textContent()).resolves.toMatch(
        /pool shrinks from \d+ to \d+ hosts|page is disabled/,
      );
      await expectAccessible(page, 'page detail with its impact');
    } finally {
      await admin.close();
    }
  }, 120_000);
});
