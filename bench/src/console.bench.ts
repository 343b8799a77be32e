// The console's first load (issue 13 budget: the page list rendered in under 1 s on loopback, at most 200 KB
// of gzipped JavaScript): Debian's Chromium, a fresh browser context per sample (nothing cached), opens
// /console/pages with a signed-in admin's token in its session and is timed until the list's rows are on
// screen. Baseline, same run: the same `bookingPages` query sent by a bare `fetch` from this process, which is
// the data's share of the first load. Checks: the rows on screen are the query's pages, in its order.
import { gzipSync } from 'node:zlib';
import { gatewayConfig } from '@tsunagi/gateway';
import { startEmbedded } from '@tsunagi/gateway/testing';
import { BookingPagesQuery } from '@tsunagi/sdk';
import { chromium } from 'playwright-core';
import { check, fmt, median, percentile, printTable } from './report.js';

const SAMPLES = Number(process.env.BENCH_CONSOLE_SAMPLES ?? 20);
const TOKEN_KEY = 'tsunagi.console.token';

interface DemoUser {
  name: string;
  role: 'ADMIN' | 'MEMBER';
  organization: string;
  token: string;
}

const embedded = await startEmbedded({
  config: gatewayConfig({ probes: { enabled: false, intervalSeconds: 60, concurrencyPerProvider: 4 } }),
});
const origin = new URL(embedded.gateway.url).origin;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox'],
});
try {
  const users = (
    (await (
      await fetch(`${origin}/console/demo-users`, { headers: { accept: 'application/json' } })
    ).json()) as {
      users: DemoUser[];
    }
  ).users;
  const admin = users.find((user) => user.role === 'ADMIN' && user.organization === 'Acme Scheduling');
  if (admin === undefined) throw new Error('The demo has no Acme Scheduling admin');

  // The query the pages screen sends (pages.tsx: first 100, English).
  const query = BookingPagesQuery.toString();
  const variables = { first: 100, locale: 'EN' };
  const fetchPages = async () => {
    const response = await fetch(embedded.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as {
      data?: { bookingPages: { edges: { node: { title: string } }[] } };
    };
    if (!response.ok || body.data === undefined) throw new Error(`bookingPages answered ${response.status}`);
    return body.data.bookingPages.edges.map((edge) => edge.node.title);
  };
  const expected = await fetchPages();
  if (expected.length === 0) throw new Error('The demo admin sees no pages');

  const baseline: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    const started = performance.now();
    const titles = await fetchPages();
    baseline.push(performance.now() - started);
    check(titles.join('\n') === expected.join('\n'), 'bookingPages answered differently');
  }

  const firstLoad: number[] = [];
  let scriptBytes = 0;
  let scriptGzipBytes = 0;
  for (let i = 0; i < SAMPLES; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // This tab's session holds the admin's token, as after a sign-in (session.ts).
    await context.addInitScript({
      content: `sessionStorage.setItem(${JSON.stringify(TOKEN_KEY)}, ${JSON.stringify(admin.token)});`,
    });
    const page = await context.newPage();
    const scripts: Promise<void>[] = [];
    if (i === 0)
      page.on('response', (response) => {
        if (response.request().resourceType() !== 'script') return;
        scripts.push(
          response.body().then((body) => {
            scriptBytes += body.length;
            scriptGzipBytes += gzipSync(body).length;
          }),
        );
      });
    const started = performance.now();
    await page.goto(`${origin}/console/pages`);
    await page.waitForFunction(
      `document.querySelectorAll('[data-testid="pages"] tbody tr').length === ${expected.length}`,
    );
    firstLoad.push(performance.now() - started);
    const shown = await page.locator('[data-testid="pages"] tbody tr th').allInnerTexts();
    check(
      shown.map((title) => title.trim().split('\n')[0]).join('\n') === expected.join('\n'),
      `the list shows other pages than bookingPages: ${shown.join(' | ')}`,
    );
    await Promise.all(scripts);
    await context.close();
  }

  const page50 = median(firstLoad);
  const data50 = median(baseline);
  const kb = (bytes: number) => `${fmt(bytes / 1024, 1)} KB`;
  printTable(
    `console first load, ${expected.length} pages, ${SAMPLES} samples (fresh browser context each)`,
    [
      ['bare fetch of bookingPages (baseline) p50', `${fmt(data50, 1)} ms`, '', ''],
      [
        'console: navigation → list rendered p50',
        `${fmt(page50, 1)} ms`,
        '< 1,000 ms',
        page50 < 1_000 ? 'yes' : 'NO',
      ],
      ['console: navigation → list rendered p95', `${fmt(percentile(firstLoad, 95), 1)} ms`, '', ''],
      ['ratio baseline / console', fmt(data50 / page50, 2), '', ''],
      [
        'first-load JavaScript (gzipped)',
        `${kb(scriptBytes)} (${kb(scriptGzipBytes)})`,
        '≤ 200 KB gzipped',
        scriptGzipBytes <= 200 * 1024 ? 'yes' : 'NO',
      ],
    ],
  );
} finally {
  await browser.close();
  await embedded.stop();
}
