// How an argument is read: our id as it is, the rest of `ext:…` as the product's external id, or BAD_USER_INPUT.
import type { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { parseReference } from './references.js';

function refusal(value: string): unknown {
  try {
    parseReference(value, 'userId');
  } catch (error) {
    const { message, extensions } = error as GraphQLError;
    return { message, code: extensions.code, field: extensions.field };
  }
  throw new Error(`${JSON.stringify(value)} was accepted`);
}

describe('parseReference', () => {
  it.each([
    ['usr_5f0c2a', { id: 'usr_5f0c2a' }],
    ['ext:emp-1042', { externalId: 'emp-1042' }],
    // Everything after the prefix is the product's: colons, spaces, case and another `ext:` included.
    ['ext:ext:Tenant 7:42', { externalId: 'ext:Tenant 7:42' }],
    [`ext:${'x'.repeat(256)}`, { externalId: 'x'.repeat(256) }],
  ])('reads %j', (value, expected) => {
    expect(parseReference(value, 'userId')).toEqual(expected);
  });

  it.each([
    ['ext:', 'userId names no external id: write ext:<the external id>'],
    [`ext:${'x'.repeat(257)}`, 'userId has an external id longer than 256 characters'],
    ['ext:emp\n1', 'userId has control characters in its external id'],
    ['EXT:emp-1', 'userId is not a valid id'],
    ['usr 1', 'userId is not a valid id'],
    ['', 'userId is not a valid id'],
  ])('refuses %j as BAD_USER_INPUT', (value, message) => {
    expect(refusal(value)).toEqual({ message, code: 'BAD_USER_INPUT', field: 'userId' });
  });
});
