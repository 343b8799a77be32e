import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_SECRET_RUN, oneLine, REDACTED, safePrefix, scrubSecrets } from './scrub.js';

describe('scrubSecrets', () => {
  it.each([
    ['Authorization: Bearer ya29.a0AfH6SMBxSecret', 'Authorization: [redacted]'],
    ['basic dXNlcjpwYXNzd29yZA==', '[redacted]'],
    ['?access_token=abc&x=1', '?access_token=[redacted]&x=1'],
    ['"client_secret": "GOCSPX-short"', '"client_secret": "[redacted]"'],
    ['password: hunter2', 'password: [redacted]'],
    ['key=AIzaSyD', 'key=[redacted]'],
    ['jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc', 'jwt [redacted]'],
    ['opaque 0123456789abcdef0123456789abcdef01 end', `opaque ${REDACTED} end`],
    ['b64 Zm9vYmFyYmF6cXV4/Zm9vYmFyYmF6cXV4+Zm9vYmFy== end', `b64 ${REDACTED} end`],
  ])('%j', (input, expected) => {
    expect(scrubSecrets(input)).toBe(expected);
  });

  it('keeps ordinary text, URLs split at slashes, GUIDs and spared vocabulary', () => {
    const text =
      "Visit https://console.developers.google.com/apis/api/calendar-json.googleapis.com/overview for app 'd87bcc39-1750-4ca0-ad54-f8d0efbb2735'.";
    expect(scrubSecrets(text)).toBe(text);
    expect(
      scrubSecrets('variableTermExpiredDailyExceeded', (w) => w === 'variableTermExpiredDailyExceeded'),
    ).toBe('variableTermExpiredDailyExceeded');
    expect(scrubSecrets('variableTermExpiredDailyExceeded')).toBe(REDACTED);
  });

  it('never leaves a run of MIN_SECRET_RUN token characters behind (property)', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('a', 'Z', '0', '+', '/', '=', '-', '_', '.', '~', ' ', ':', '\n'),
          maxLength: 300,
        }),
        (text) => {
          const out = scrubSecrets(text);
          expect(out.replaceAll(REDACTED, ' ')).not.toMatch(/[A-Za-z0-9_\-.~+=]{32}|[A-Za-z0-9+/]{32}/);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('safePrefix', () => {
  it('never cuts inside a token run (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.nat({ max: 220 }), (text, max) => {
        const prefix = safePrefix(text, max);
        if (prefix === REDACTED && text.length > max) return;
        expect(text.startsWith(prefix)).toBe(true);
        expect(prefix.length).toBeLessThanOrEqual(Math.max(max, 0) || text.length);
        if (prefix.length < text.length && prefix.length > 0) {
          const token = /[A-Za-z0-9+/_\-.~=]/;
          expect(token.test(prefix.at(-1) as string) && token.test(text[prefix.length] as string)).toBe(
            false,
          );
        }
      }),
    );
    expect(safePrefix('x'.repeat(MIN_SECRET_RUN * 3), 40)).toBe(REDACTED);
  });
});

describe('oneLine', () => {
  it('flattens, trims and caps', () => {
    expect(oneLine('  a\r\n\tb   c  ', 100)).toBe('a b c');
    expect(oneLine('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(oneLine('line\u2028sep', 20)).toBe('line sep');
  });
});
