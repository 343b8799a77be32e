import { expect, test } from 'vitest';
import { errorsPackageName } from './index.js';

test('resolves workspace source', () => {
  expect(errorsPackageName).toBe('@tsunagi/errors');
});
