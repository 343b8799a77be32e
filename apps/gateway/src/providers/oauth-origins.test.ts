import { describe, expect, it } from 'vitest';
import { checkRedirectUri, checkReturnUrl, parseOrigin } from './oauth-origins.js';

const CALLBACK = 'https://gateway.example/oauth/callback/GOOGLE_CALENDAR';
const ORIGINS = { redirectOrigins: ['https://app.example'], returnOrigins: ['https://app.example'] };

describe('redirect URIs (RFC 6749 §3.1.2, §10.6)', () => {
  it.each([
    CALLBACK,
    'https://app.example/oauth/done',
    'https://app.example/oauth/done?tab=1',
  ])('accepts %s', (uri) => {
    expect(checkRedirectUri(uri, CALLBACK, ORIGINS)).toMatchObject({ ok: true });
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'https://evil.example/cb',
    'https://app.example.evil.example/cb',
    'https://user:pass@app.example/cb',
    'https://app.example/cb#x',
    'http://app.example/cb',
    'https://gateway.example/oauth/callback/ZOOM',
    'https://gateway.example/graphql',
    '/oauth/callback/GOOGLE_CALENDAR',
    '',
  ])('refuses %s', (uri) => {
    expect(checkRedirectUri(uri, CALLBACK, ORIGINS)).toMatchObject({ ok: false });
  });

  it('accepts no client origin when none is configured', () => {
    const none = { redirectOrigins: [], returnOrigins: [] };
    expect(checkRedirectUri('https://app.example/cb', CALLBACK, none).ok).toBe(false);
    expect(checkReturnUrl('https://app.example/back', none).ok).toBe(false);
  });
});

describe('return URLs', () => {
  it('accepts listed origins only, over http(s)', () => {
    expect(checkReturnUrl('https://app.example/settings?tab=calendars', ORIGINS)).toEqual({
      ok: true,
      url: 'https://app.example/settings?tab=calendars',
    });
    for (const url of [
      'https://evil.example/',
      'javascript:alert(1)',
      '//app.example/x',
      'https://app.example:444/',
    ]) {
      expect(checkReturnUrl(url, ORIGINS).ok, url).toBe(false);
    }
  });

  it('reads configured origins strictly', () => {
    expect(parseOrigin('https://app.example/')).toBe('https://app.example');
    expect(parseOrigin(' http://127.0.0.1:3000 ')).toBe('http://127.0.0.1:3000');
    for (const bad of [
      'https://app.example/path',
      'app.example',
      'ftp://app.example',
      'https://app.example?x',
    ]) {
      expect(parseOrigin(bad), bad).toBeNull();
    }
  });
});

describe('OAUTH_REDIRECT_ORIGINS and OAUTH_RETURN_ORIGINS', () => {
  it('are comma-separated origins, normalized, and refused when one has a path', async () => {
    const { ConfigError, configFromEnv, parseEnv } = await import('../env.js');
    const env = parseEnv({
      OAUTH_REDIRECT_ORIGINS: 'https://app.example/, http://127.0.0.1:3000',
      OAUTH_RETURN_ORIGINS: 'https://app.example',
    });
    expect(
      configFromEnv(env, { jwtSecret: 'x'.repeat(32), credentialsKeys: 'k' }).oauthClientOrigins,
    ).toEqual({
      redirectOrigins: ['https://app.example', 'http://127.0.0.1:3000'],
      returnOrigins: ['https://app.example'],
    });
    expect(() => parseEnv({ OAUTH_RETURN_ORIGINS: 'https://app.example/back' })).toThrow(ConfigError);
    expect(() => parseEnv({ OAUTH_REDIRECT_ORIGINS: 'javascript:alert(1)' })).toThrow(
      /OAUTH_REDIRECT_ORIGINS/,
    );
  });
});
