import { describe, expect, it } from 'vitest';
import { classifyProviderError, QUOTA_DEFAULT_RETRY_AFTER_SECONDS } from './classify.js';
import { wireCases } from './testing/index.js';
import type { ProviderFailureInput } from './types.js';

describe('classifyProviderError over the documented wire corpus', () => {
  it.each(wireCases.map((c) => [c.name, c] as const))('%s', (_name, wire) => {
    expect(wire.source.length).toBeGreaterThan(0);
    const result = classifyProviderError(wire.input, wire.now === undefined ? undefined : { now: wire.now });
    expect(result).toMatchObject(wire.expected);
    if (wire.expected.retryAfterSeconds === undefined && result.action !== 'RETRY_WITH_BACKOFF') {
      expect(result.retryAfterSeconds).toBeUndefined();
    }
    expect(result.provider).toBe(wire.input.provider);
    expect(result.message.length).toBeGreaterThan(0);
    expect(result.message).not.toMatch(/[\r\n]/);
  });

  it('covers every provider', () => {
    const providers = new Set(wireCases.map((c) => c.input.provider));
    expect([...providers].sort()).toEqual(
      [
        'google',
        'google-interop',
        'google-oauth',
        'microsoft',
        'microsoft-identity',
        'network',
        'zoom',
      ].sort(),
    );
  });
});

describe('precedence: the most specific signal wins', () => {
  const google403 = (reason: string) =>
    JSON.stringify({
      error: { code: 403, message: reason, errors: [{ domain: 'usageLimits', reason, message: reason }] },
    });

  it('a structured reason beats the HTTP status', () => {
    expect(
      classifyProviderError({ provider: 'google', status: 403, body: google403('rateLimitExceeded') }).code,
    ).toBe('RATE_LIMITED');
    expect(
      classifyProviderError({ provider: 'google', status: 403, body: google403('quotaExceeded') }).code,
    ).toBe('QUOTA_EXCEEDED');
    expect(classifyProviderError({ provider: 'google', status: 403 }).code).toBe('PERMISSION_DENIED');
  });

  it('the status beats a meaningless Node code', () => {
    expect(classifyProviderError({ provider: 'microsoft', status: 503, errorCode: 'EWHATEVER' }).code).toBe(
      'PROVIDER_UNAVAILABLE',
    );
  });

  it('an error status beats a transport code; a transport code beats a success status', () => {
    expect(classifyProviderError({ provider: 'zoom', status: 404, errorCode: 'ECONNRESET' }).code).toBe(
      'NOT_FOUND',
    );
    expect(classifyProviderError({ provider: 'zoom', status: 200, errorCode: 'ECONNRESET' }).code).toBe(
      'NETWORK_UNREACHABLE',
    );
  });

  it('an unknown structured reason keeps the provider words but lets the status decide', () => {
    const result = classifyProviderError({
      provider: 'microsoft',
      status: 502,
      body: JSON.stringify({ error: { code: 'SomethingNew', message: 'Brand new failure' } }),
    });
    expect(result).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', providerReason: 'SomethingNew' });
    expect(result.message).toContain('Brand new failure');
  });

  it('an AADSTS number beats the OAuth error it travels with', () => {
    const body = JSON.stringify({ error: 'interaction_required', error_codes: [53003] });
    expect(classifyProviderError({ provider: 'microsoft-identity', status: 400, body }).code).toBe(
      'PERMISSION_DENIED',
    );
  });

  it('token endpoints: only dead-grant answers mean REAUTHORIZE', () => {
    const body = (error: string) => JSON.stringify({ error });
    const identity = (error: string, status = 400) =>
      classifyProviderError({ provider: 'microsoft-identity', status, body: body(error) });
    expect(identity('invalid_grant').action).toBe('REAUTHORIZE');
    expect(identity('invalid_client', 401).action).toBe('FIX_CONFIGURATION');
    expect(identity('temporarily_unavailable', 503).code).toBe('PROVIDER_UNAVAILABLE');
    expect(identity('server_error', 500).code).toBe('PROVIDER_UNAVAILABLE');
    expect(
      classifyProviderError({ provider: 'google-oauth', status: 503, body: '<html>busy</html>' }).code,
    ).toBe('PROVIDER_UNAVAILABLE');
    expect(classifyProviderError({ provider: 'google-oauth', status: 400, body: 'garbage' }).code).toBe(
      'INVALID_REQUEST',
    );
  });

  it('Google service-account invalid_grant variants point at configuration', () => {
    const body = JSON.stringify({ error: 'invalid_grant', error_description: 'Invalid JWT Signature.' });
    expect(classifyProviderError({ provider: 'google-oauth', status: 400, body }).code).toBe('MISCONFIGURED');
  });

  it('a truncated Graph body is still understood', () => {
    const body = '{"error":{"code":"ErrorItemNotFound","message":"The specified object was not fou';
    expect(classifyProviderError({ provider: 'microsoft', status: 404, body }).providerReason).toBe(
      'ErrorItemNotFound',
    );
  });

  it('a truncated identity body still yields its AADSTS code', () => {
    const body =
      '{"error":"invalid_client","error_description":"AADSTS7000222: The provided client secret keys are exp';
    expect(classifyProviderError({ provider: 'microsoft-identity', status: 401, body })).toMatchObject({
      code: 'MISCONFIGURED',
      providerCode: 'AADSTS7000222',
      subReason: 'MS_CLIENT_SECRET_EXPIRED',
    });
  });

  it('Graph claims challenges need interaction', () => {
    const result = classifyProviderError({
      provider: 'microsoft',
      status: 403,
      headers: {
        'WWW-Authenticate':
          'Bearer realm="", error="insufficient_claims", claims="eyJhY2Nlc3NfdG9rZW4iOnt9fQ=="',
      },
      body: JSON.stringify({ error: { code: 'Forbidden', message: 'Access denied' } }),
    });
    expect(result.code).toBe('INTERACTION_REQUIRED');
  });
});

describe('Google Calendar Interop and admin-entered endpoints', () => {
  it('treats loopback http:// endpoints (emulators) as secure enough', () => {
    const result = classifyProviderError({
      provider: 'google-interop',
      status: 503,
      endpoint: 'http://127.0.0.1:4010/EWS/Exchange.asmx',
    });
    expect(result.code).toBe('PROVIDER_UNAVAILABLE');
  });

  it('reads an Interop message inside a JSON error', () => {
    const body = JSON.stringify({ error: { code: 500, message: 'EWS response error' } });
    expect(classifyProviderError({ provider: 'google-interop', status: 500, body }).subReason).toBe(
      'INTEROP_EWS_RESPONSE_ERROR',
    );
  });

  it('flags an IP-address host on any TLS error', () => {
    const result = classifyProviderError({
      provider: 'network',
      errorCode: 'SELF_SIGNED_CERT_IN_CHAIN',
      endpoint: 'https://[2001:db8::1]:443/EWS/Exchange.asmx',
    });
    expect(result).toMatchObject({ code: 'TLS_ERROR', subReason: 'TLS_HOST_IS_IP_ADDRESS' });
  });

  it('ENOTFOUND is a DNS configuration error only for the admin-entered Exchange host', () => {
    expect(classifyProviderError({ provider: 'google-interop', errorCode: 'ENOTFOUND' }).code).toBe(
      'DNS_NOT_FOUND',
    );
    expect(classifyProviderError({ provider: 'google', errorCode: 'ENOTFOUND' }).code).toBe(
      'NETWORK_UNREACHABLE',
    );
    expect(classifyProviderError({ provider: 'network', errorCode: 'enotfound' }).code).toBe(
      'NETWORK_UNREACHABLE',
    );
  });

  it('a refused or timed-out Exchange connection stays transient, with Interop\'s "Connection error" advice', () => {
    for (const errorCode of ['ECONNREFUSED', 'ETIMEDOUT', 'ECONNRESET']) {
      expect(
        classifyProviderError({
          provider: 'google-interop',
          errorCode,
          endpoint: 'https://mail.example.com/EWS/Exchange.asmx',
        }),
      ).toMatchObject({
        code: 'NETWORK_UNREACHABLE',
        retryable: true,
        connectionBroken: false,
        subReason: 'INTEROP_CONNECTION_ERROR',
      });
    }
    expect(
      classifyProviderError({ provider: 'google', errorCode: 'ECONNREFUSED' }).subReason,
    ).toBeUndefined();
  });
});

describe('Retry-After handling', () => {
  const now = Date.parse('2024-03-01T12:00:00Z');
  const rateLimited = (headers: ProviderFailureInput['headers']) =>
    classifyProviderError({ provider: 'microsoft', status: 429, headers }, { now }).retryAfterSeconds;

  it('reads seconds, fractions, HTTP dates and ISO dates, in any header case', () => {
    expect(rateLimited({ 'retry-after': '120' })).toBe(120);
    expect(rateLimited({ 'Retry-After': '1.5' })).toBe(1.5);
    expect(rateLimited({ 'RETRY-AFTER': 'Fri, 01 Mar 2024 12:00:30 GMT' })).toBe(30);
    expect(rateLimited({ 'Retry-After': '2024-03-01T12:01:00Z' })).toBe(60);
    expect(rateLimited({ 'Retry-After': ['7', '9'] })).toBe(7);
  });

  it('accepts the `now` option as a Date', () => {
    const result = classifyProviderError(
      { provider: 'google', status: 503, headers: { 'Retry-After': 'Fri, 01 Mar 2024 12:00:10 GMT' } },
      { now: new Date(now) },
    );
    expect(result.retryAfterSeconds).toBe(10);
  });

  it('clamps dates in the past and negative values to zero', () => {
    expect(rateLimited({ 'Retry-After': 'Fri, 01 Mar 2024 11:00:00 GMT' })).toBe(0);
    expect(rateLimited({ 'Retry-After': '-5' })).toBe(0);
  });

  it('ignores garbage', () => {
    expect(rateLimited({ 'Retry-After': 'soon' })).toBeUndefined();
    expect(rateLimited({ 'Retry-After': '' })).toBeUndefined();
  });

  it('reads x-ms-retry-after-ms and rate-limit reset headers', () => {
    expect(rateLimited({ 'x-ms-retry-after-ms': '1500' })).toBe(1.5);
    expect(rateLimited({ 'RateLimit-Reset': '12' })).toBe(12);
    expect(rateLimited({ 'X-RateLimit-Reset': String(now / 1000 + 45) })).toBe(45);
  });

  it('gives QUOTA_EXCEEDED a long default and never hints non-retryable codes', () => {
    const quota = classifyProviderError({
      provider: 'google',
      status: 403,
      body: JSON.stringify({ error: { errors: [{ reason: 'quotaExceeded' }], code: 403 } }),
    });
    expect(quota.retryAfterSeconds).toBe(QUOTA_DEFAULT_RETRY_AFTER_SECONDS);
    const denied = classifyProviderError({
      provider: 'google',
      status: 401,
      headers: { 'Retry-After': '30' },
    });
    expect(denied.retryAfterSeconds).toBeUndefined();
  });
});

describe('robustness', () => {
  it('survives inputs that are not inputs', () => {
    for (const input of [undefined, null, 42, 'google', [], () => 1, Symbol('x'), new Map()]) {
      const result = classifyProviderError(input as unknown as ProviderFailureInput);
      expect(result).toMatchObject({ code: 'UNKNOWN', action: 'NONE', provider: 'unknown' });
    }
  });

  it('survives wrong field types and cyclic values', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const result = classifyProviderError({
      provider: 'google',
      status: '403',
      headers: cyclic,
      body: cyclic,
      errorCode: 12,
      endpoint: {},
    } as unknown as ProviderFailureInput);
    expect(result.code).toBe('UNKNOWN');
  });

  it('survives throwing getters', () => {
    const hostile = {
      provider: 'google',
      get status(): number {
        throw new Error('boom');
      },
    };
    expect(classifyProviderError(hostile as unknown as ProviderFailureInput).code).toBe('UNKNOWN');
  });

  it('does not let provider strings reach Object.prototype', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const bodies = [
        JSON.stringify({ error: { code: name, message: 'x' } }),
        JSON.stringify({ error: { code: 400, errors: [{ reason: name }], status: name } }),
        JSON.stringify({ error: name, error_codes: [name] }),
        JSON.stringify({ code: name }),
      ];
      for (const body of bodies) {
        for (const provider of [
          'google',
          'microsoft',
          'microsoft-identity',
          'zoom',
          'google-oauth',
        ] as const) {
          const result = classifyProviderError({ provider, status: 418, body });
          expect(result.code).toBe('INVALID_REQUEST');
        }
      }
    }
  });

  it('handles huge bodies', () => {
    const huge = `{"error":{"code":"ErrorItemNotFound","message":"${'a'.repeat(3_000_000)}`;
    expect(classifyProviderError({ provider: 'microsoft', status: 404, body: huge }).code).toBe('NOT_FOUND');
    const hugeText = `${'"reason": '.repeat(500_000)}`;
    expect(classifyProviderError({ provider: 'google', status: 500, body: hugeText }).code).toBe(
      'PROVIDER_UNAVAILABLE',
    );
  });

  it('keeps messages short and on one line', () => {
    const body = JSON.stringify({
      error: { code: 'ErrorAccessDenied', message: `line1\r\nline2 ${'x '.repeat(2_000)}` },
    });
    const { message } = classifyProviderError({ provider: 'microsoft', status: 403, body });
    expect(message.length).toBeLessThanOrEqual(300);
    expect(message).not.toMatch(/[\r\n]/);
  });
});

describe('secrets never reach the message', () => {
  it.each([
    ['a bearer token', 'Authorization: Bearer ya29.a0AfH6SMBx-very-secret-token-value-1234567890'],
    ['a JWT', 'token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl was rejected'],
    ['an access_token parameter', 'GET /v2/users/me?access_token=abc123def456'],
    ['a client_secret assignment', 'client_secret=GOCSPX-AbCdEfGhIjKlMnOpQrStUvWxYz12'],
    ['a JSON-ish refresh token', '"refresh_token": "1//0gSecretRefresh"'],
    ['an opaque long token', 'bad token Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG8xMjM0'],
  ])('scrubs %s', (_label, secretMessage) => {
    const secret =
      /(?:Bearer |access_token=|client_secret=|"refresh_token": ")([^\s"]+)|(eyJ\S+)|(Zm9v\S+)/.exec(
        secretMessage,
      );
    const value = (secret?.[1] ?? secret?.[2] ?? secret?.[3]) as string;
    const body = JSON.stringify({ error: { code: 'InvalidAuthenticationToken', message: secretMessage } });
    const { message } = classifyProviderError({ provider: 'microsoft', status: 401, body });
    expect(message).not.toContain(value);
    expect(message).toContain('[redacted]');
  });
});
