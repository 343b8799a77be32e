import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACTION_TRAITS, DEFAULT_ACTION, ERROR_CODES, type ErrorCode } from './vocabulary.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('opens with a runnable example', () => {
    expect(readme.split('\n').slice(0, 3).join('\n')).toMatch(/^# @tsunagi\/errors\n\n```ts$/);
  });

  it('documents every code with its real action and traits', () => {
    const rows = new Map<string, string[]>();
    for (const line of readme.split('\n')) {
      const cells = line.split('|').map((c) => c.trim().replaceAll('`', ''));
      if (cells.length > 5 && ERROR_CODES.includes(cells[1] as ErrorCode))
        rows.set(cells[1] as string, cells.slice(2, 5));
    }
    expect([...rows.keys()].sort()).toEqual([...ERROR_CODES].sort());
    for (const code of ERROR_CODES) {
      const action = DEFAULT_ACTION[code];
      const traits = ACTION_TRAITS[action];
      expect(rows.get(code), code).toEqual([
        action,
        traits.retryable ? 'yes' : 'no',
        traits.connectionBroken ? 'yes' : 'no',
      ]);
    }
  });
});
