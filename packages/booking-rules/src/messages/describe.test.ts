import { describe, expect, it } from 'vitest';
import { DISABLE_REASON_KINDS, EVALUATION_WARNING_KINDS } from '../types.js';
import { describeReason, describeWarning, PAGE_TEXT, PAGE_TEXT_LOCALES } from './index.js';

describe('page texts', () => {
  it('say something distinct about every reason and warning kind in every locale', () => {
    for (const locale of PAGE_TEXT_LOCALES) {
      const reasons = DISABLE_REASON_KINDS.map((kind) => describeReason({ kind }, locale));
      expect(new Set(reasons).size).toBe(reasons.length);
      for (const kind of EVALUATION_WARNING_KINDS) {
        const text = describeWarning({ kind, userIds: ['a', 'b'], memberCount: 5 }, locale);
        expect(text).toMatch(/2/);
        expect(text).toMatch(/5/);
      }
    }
    // Each locale is its own text, not a copy of English.
    for (const locale of ['ja', 'it', 'pl'] as const) {
      expect(PAGE_TEXT[locale].reasons.NO_ELIGIBLE_HOST).not.toBe(PAGE_TEXT.en.reasons.NO_ELIGIBLE_HOST);
    }
  });

  it('keep the English warning the API has always given', () => {
    expect(describeWarning({ kind: 'HOSTS_UNAVAILABLE', userIds: ['a', 'b'], memberCount: 5 })).toBe(
      '2 of 5 hosts unavailable',
    );
    expect(describeWarning({ kind: 'HOSTS_UNAVAILABLE', userIds: ['a'], memberCount: 3 }, 'ja')).toBe(
      '担当者3人中1人が利用できません',
    );
  });
});
