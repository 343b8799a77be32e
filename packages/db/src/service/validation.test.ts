import { describe, expect, it } from 'vitest';
import { checkAccount, INPUT_LIMITS, isEmailAddress } from './validation.js';

describe('isEmailAddress (the one rule the gateway and the state service share)', () => {
  it.each([
    'aiko@example.test',
    'first.last+calendar@sub.contoso.co.jp',
    'interop-role@contoso.onmicrosoft.com',
  ])('accepts %s', (address) => {
    expect(isEmailAddress(address)).toBe(true);
  });

  it.each([
    ['a domain without a dot', 'role@contoso'],
    ['no domain', 'interop-role'],
    ['no local part', '@contoso.test'],
    ['two @', 'a@b@contoso.test'],
    ['a space', 'ai ko@example.test'],
    ['more than the length limit', `${'a'.repeat(INPUT_LIMITS.emailLength)}@example.test`],
  ])('refuses %s', (_why, address) => {
    expect(isEmailAddress(address)).toBe(false);
  });

  it('is what the state service checks a connection account email with', () => {
    expect(checkAccount({ accountExternalId: 'ext-1', accountEmail: 'role@contoso' })).toEqual({
      field: 'accountEmail',
      message: 'Not an e-mail address',
    });
    expect(checkAccount({ accountExternalId: 'ext-1', accountEmail: 'role@contoso.test' })).toBeNull();
  });
});
