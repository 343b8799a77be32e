// The console's static route: index.html for any browser path under /console/, hashed assets cached for good,
// nothing for a JSON client, and no demo sign-in outside embedded mode (startEmbedded turns it on).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../../test/harness.js';

const dir = mkdtempSync(join(tmpdir(), 'tsunagi-console-'));
mkdirSync(join(dir, 'assets'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="app"></div>');
writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');

describe('the console route', () => {
  const t = useTestGateway('pglite', { gateway: { consoleDir: dir, seedDemo: true } });
  const get = (path: string, accept = 'text/html') =>
    fetch(new URL(path, t().url), { headers: { accept }, redirect: 'manual' });

  it('answers every browser path under /console/ with index.html', async () => {
    expect(t().gateway.consoleUrl).toBe(`${new URL(t().url).origin}/console/`);
    const bare = await get('/console');
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/console/');
    for (const path of ['/console/', '/console/pages/pg_1', '/console/integrations?tab=ALL']) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.text()).toContain('<div id="app">');
    }
  });

  it('serves hashed assets for good and nothing else', async () => {
    const asset = await get('/console/assets/index-abc123.js', '*/*');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await asset.text()).toBe('console.log(1)');
    expect((await get('/console/assets/missing.js', '*/*')).status).toBe(404);
    expect((await get('/console/assets/../index.html', '*/*')).status).not.toBe(500);
  });

  it('offers no demo sign-in outside embedded mode, even with the demo loaded', async () => {
    const response = await get('/console/demo-users', 'application/json');
    expect(response.status).toBe(404);
  });
});

describe('a gateway without a built console', () => {
  const t = useTestGateway('pglite', { gateway: { consoleDir: null } });

  it('has no console URL and no /console route', async () => {
    expect(t().gateway.consoleUrl).toBeNull();
    expect((await fetch(new URL('/console/', t().url))).status).toBe(404);
  });
});
