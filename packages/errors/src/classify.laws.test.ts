import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyProviderError } from './classify.js';
import { wireCases } from './testing/index.js';
import type { ProviderFailureInput } from './types.js';
import { ACTIONS, DEFAULT_ACTION, ERROR_CODES, PROVIDERS } from './vocabulary.js';

const RUNS = { numRuns: 400 };

const jsonish = fc.oneof(
  fc.string(),
  fc.json(),
  fc.constantFrom(...wireCases.map((c) => c.input.body ?? '')),
  fc
    .tuple(fc.constantFrom(...wireCases.map((c) => c.input.body ?? '')), fc.nat())
    .map(([body, n]) => body.slice(0, n % (body.length + 1))), // truncated real bodies
  fc
    .record(
      {
        error: fc.oneof(
          fc.string(),
          fc.record(
            {
              code: fc.oneof(fc.integer(), fc.string()),
              message: fc.string(),
              status: fc.constantFrom('PERMISSION_DENIED', 'UNAUTHENTICATED', 'RESOURCE_EXHAUSTED', 'NOPE'),
              errors: fc.array(fc.record({ reason: fc.string(), domain: fc.string() }), { maxLength: 3 }),
              innerError: fc.record({ code: fc.string() }),
            },
            { requiredKeys: [] },
          ),
        ),
        error_codes: fc.array(fc.oneof(fc.integer(), fc.string()), { maxLength: 2 }),
        code: fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.string()),
        reason: fc.string(),
      },
      { requiredKeys: [] },
    )
    .map((o) => JSON.stringify(o)),
  fc.constantFrom('<html><body>502 Bad Gateway</body></html>', '<?xml version="1.0"?><x/>', '', '   '),
);

const headerValue = fc.oneof(
  fc.string(),
  fc.integer({ min: -100, max: 100_000 }).map(String),
  fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.constant(undefined),
);

const input: fc.Arbitrary<ProviderFailureInput> = fc.record(
  {
    provider: fc.constantFrom(...PROVIDERS),
    status: fc.oneof(
      fc.integer({ min: 100, max: 599 }),
      fc.constantFrom(400, 401, 403, 404, 409, 410, 412, 429, 500, 503),
    ),
    headers: fc.dictionary(
      fc.constantFrom(
        'Retry-After',
        'retry-after',
        'RETRY-AFTER',
        'x-ms-retry-after-ms',
        'X-RateLimit-Type',
        'X-RateLimit-Reset',
        'WWW-Authenticate',
        'x-other',
      ),
      headerValue,
    ),
    body: jsonish,
    errorCode: fc.oneof(
      fc.constantFrom(
        'ECONNRESET',
        'ENOTFOUND',
        'EAI_AGAIN',
        'CERT_HAS_EXPIRED',
        'UND_ERR_CONNECT_TIMEOUT',
        'EPROTO',
        'ERR_INVALID_URL',
      ),
      fc.string(),
    ),
    endpoint: fc.oneof(
      fc.webUrl(),
      fc.constantFrom('http://mail.example.com/EWS', 'https://10.0.0.1/EWS'),
      fc.string(),
    ),
  },
  { requiredKeys: ['provider'] },
);

describe('laws of the classification', () => {
  it('retryable ⇔ RETRY_WITH_BACKOFF | REFRESH_TOKEN, broken ⇔ REAUTHORIZE | FIX_CONFIGURATION, action from code', () => {
    fc.assert(
      fc.property(input, (failure) => {
        const c = classifyProviderError(failure);
        expect(c.retryable).toBe(c.action === 'RETRY_WITH_BACKOFF' || c.action === 'REFRESH_TOKEN');
        expect(c.connectionBroken).toBe(c.action === 'REAUTHORIZE' || c.action === 'FIX_CONFIGURATION');
        expect(c.action).toBe(DEFAULT_ACTION[c.code]);
        expect(ERROR_CODES).toContain(c.code);
        expect(ACTIONS).toContain(c.action);
        expect(c.provider).toBe(failure.provider);
      }),
      RUNS,
    );
  });

  it('retryAfterSeconds is a finite, non-negative hint on backoff actions only', () => {
    fc.assert(
      fc.property(input, fc.date({ noInvalidDate: true }), (failure, now) => {
        const c = classifyProviderError(failure, { now });
        if (c.retryAfterSeconds !== undefined) {
          expect(c.action).toBe('RETRY_WITH_BACKOFF');
          expect(Number.isFinite(c.retryAfterSeconds)).toBe(true);
          expect(c.retryAfterSeconds).toBeGreaterThanOrEqual(0);
        }
      }),
      RUNS,
    );
  });

  it('the message is one short line', () => {
    fc.assert(
      fc.property(input, (failure) => {
        const { message } = classifyProviderError(failure);
        expect(message.length).toBeGreaterThan(0);
        expect(message.length).toBeLessThanOrEqual(300);
        expect([...message].some((ch) => ch.charCodeAt(0) < 32 || ch === '\u2028' || ch === '\u2029')).toBe(
          false,
        );
      }),
      RUNS,
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(input, (failure) => {
        expect(classifyProviderError(failure, { now: 0 })).toEqual(
          classifyProviderError(failure, { now: 0 }),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(
        fc.anything({ withObjectString: true, withNullPrototype: true, withMap: true }),
        (anything) => {
          const c = classifyProviderError(anything as ProviderFailureInput);
          expect(ERROR_CODES).toContain(c.code);
        },
      ),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(
        fc.record({
          provider: fc.oneof(fc.constantFrom(...PROVIDERS), fc.anything()),
          status: fc.anything(),
          headers: fc.anything(),
          body: fc.oneof(jsonish, fc.anything()),
          errorCode: fc.anything(),
          endpoint: fc.anything(),
        }),
        fc.anything(),
        (anything, options) => {
          const c = classifyProviderError(anything as ProviderFailureInput, options as never);
          expect(ERROR_CODES).toContain(c.code);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('secrets embedded anywhere in a body never reach the message', () => {
  const base64url = fc.stringMatching(/^[A-Za-z0-9_-]{32,120}$/);
  const base64 = fc.stringMatching(/^[A-Za-z0-9+/]{40,120}={0,2}$/);
  const secret = fc.oneof(
    base64url,
    base64,
    base64url.map((s) => `ya29.${s}`),
    fc.tuple(base64url, base64url, base64url).map(([a, b, c]) => `eyJ${a}.${b}.${c}`),
    base64url.map((s) => `GOCSPX-${s}`),
    fc.stringMatching(/^[0-9a-f]{40,64}$/),
  );
  const embed = fc.constantFrom(
    (s: string) => `Authorization: Bearer ${s}`,
    (s: string) => `failed for access_token=${s}&x=1`,
    (s: string) => `client_secret: ${s}`,
    (s: string) => `"refresh_token": "${s}"`,
    (s: string) => `token ${s} was rejected`,
    (s: string) => s,
  );
  const shape = fc.constantFrom(
    (m: string) => ({
      provider: 'microsoft' as const,
      status: 401,
      body: JSON.stringify({ error: { code: 'InvalidAuthenticationToken', message: m } }),
    }),
    (m: string) => ({
      provider: 'google' as const,
      status: 403,
      body: JSON.stringify({
        error: { code: 403, message: m, errors: [{ reason: 'forbidden', message: m }] },
      }),
    }),
    (m: string) => ({
      provider: 'google-oauth' as const,
      status: 400,
      body: JSON.stringify({ error: 'invalid_grant', error_description: m }),
    }),
    (m: string) => ({
      provider: 'microsoft-identity' as const,
      status: 400,
      body: JSON.stringify({ error: 'invalid_grant', error_description: `AADSTS70008: ${m}` }),
    }),
    (m: string) => ({
      provider: 'zoom' as const,
      status: 401,
      body: JSON.stringify({ code: 124, message: m }),
    }),
    (m: string) => ({
      provider: 'zoom' as const,
      status: 400,
      body: JSON.stringify({ error: 'invalid_request', reason: m }),
    }),
    (m: string) => ({ provider: 'google-interop' as const, status: 500, body: m }),
    (m: string) => ({
      provider: 'microsoft' as const,
      status: 400,
      body: JSON.stringify({ error: { code: m, message: 'x' } }),
    }),
    (m: string) => ({
      provider: 'google' as const,
      status: 400,
      body: JSON.stringify({ error: { code: 400, errors: [{ reason: m }] } }),
    }),
  );

  it('scrubs tokens, JWTs, secrets and long opaque runs', () => {
    fc.assert(
      fc.property(secret, embed, shape, fc.string({ maxLength: 400 }), (token, wrap, make, prefix) => {
        const c = classifyProviderError(make(`${prefix} ${wrap(token)} trailing words`));
        expect(c.message).not.toContain(token);
        // No 12+ character piece of the secret survives either (the message is cut, never the secret).
        for (let i = 0; i + 12 <= token.length; i += 12)
          expect(c.message).not.toContain(token.slice(i, i + 12));
        for (const field of [c.providerReason, c.providerCode]) {
          if (field !== undefined) expect(field).not.toContain(token);
        }
      }),
      { numRuns: 600 },
    );
  });
});
