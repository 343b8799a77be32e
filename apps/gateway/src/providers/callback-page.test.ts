import { describe, expect, it } from 'vitest';
import { CALLBACK_LOCALES, CALLBACK_OUTCOMES, outcomeKind, renderCallbackPage } from './callback-page.js';

describe('the OAuth callback page', () => {
  it('escapes everything it prints', () => {
    const html = renderCallbackPage({
      locale: 'en',
      kind: 'FAILED',
      provider: '<script>alert(1)</script>',
      code: '"><img src=x onerror=alert(1)>',
      reason: "'&",
    });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&#39;&amp;');
  });

  it('has a title and a text for every outcome in every language, and loads nothing', () => {
    for (const locale of CALLBACK_LOCALES) {
      const titles = new Set<string>();
      for (const kind of CALLBACK_OUTCOMES) {
        const html = renderCallbackPage({ locale, kind });
        expect(html).toContain(`<html lang="${locale}">`);
        expect(html).not.toMatch(/<script|<link|<img|src=|href=/);
        titles.add(/<h1>(.*)<\/h1>/.exec(html)?.[1] ?? '');
      }
      expect(titles.size, locale).toBe(CALLBACK_OUTCOMES.length);
    }
  });

  it('reads a failure by its reason', () => {
    expect(outcomeKind(null)).toBe('CONNECTED');
    expect(outcomeKind({ reason: 'OTHER_BROWSER' })).toBe('OTHER_BROWSER');
    expect(outcomeKind({ reason: 'ACCOUNT_MISMATCH' })).toBe('ACCOUNT_MISMATCH');
    expect(outcomeKind({ reason: 'SOMETHING_NEW' })).toBe('FAILED');
    expect(outcomeKind({})).toBe('FAILED');
  });
});
