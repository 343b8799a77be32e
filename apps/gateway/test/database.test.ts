import { describe, expect, it } from 'vitest';
import { holdsSecret } from './database.js';

const SECRET = 'eyJ0eXAiOiJKV1Qi.q/7+Zz_x-"\\w';

describe('holdsSecret', () => {
  it.each([
    ['in clear', `prefix ${SECRET} suffix`],
    ['JSON-escaped', JSON.stringify({ accessToken: SECRET })],
    ['base64', `v1:${Buffer.from(`{"t":"${SECRET}"}`).toString('base64')}`],
    ['base64url, misaligned', `x${Buffer.from(`ab${SECRET}`).toString('base64url')}`],
    ['hex, as bytea prints it', `\\x${Buffer.from(SECRET).toString('hex')}`],
    ['upper-case hex', Buffer.from(`:${SECRET}`).toString('hex').toUpperCase()],
  ])('finds a secret stored %s', (_encoding, value) => {
    expect(holdsSecret(value, SECRET)).toBe(true);
  });

  it('finds nothing in a value that does not hold it', () => {
    const sealed = Buffer.from('an envelope of random-looking bytes').toString('base64');
    expect(holdsSecret(`v1:key1:${sealed}`, SECRET)).toBe(false);
  });
});
