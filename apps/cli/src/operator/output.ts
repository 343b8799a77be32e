// What every operator command shares: its common flags, and printing either text for people or JSON.
import { parseArgs } from 'node:util';

type ParseArgsOption = { type: 'string' | 'boolean'; default?: string | boolean };
/** A flag's value: booleans given a default are always set, everything else may be absent. */
type FlagValues<O extends Record<string, ParseArgsOption>> = {
  [K in keyof O]: O[K] extends { type: 'boolean'; default: boolean }
    ? boolean
    : (O[K] extends { type: 'boolean' } ? boolean : string) | undefined;
};
export interface ParsedCommand<O extends Record<string, ParseArgsOption>> {
  readonly values: FlagValues<typeof COMMON_OPTIONS & O>;
  readonly positionals: string[];
}

import { type CliIo, CliUsageError } from '../io.js';

export const COMMON_OPTIONS = {
  'env-file': { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

/** Strict flags (the common ones too) and exactly the `expected` positional arguments. */
export function parseCommand<const O extends Record<string, ParseArgsOption>>(
  args: readonly string[],
  options: O,
  expected: readonly string[] = [],
): ParsedCommand<O> {
  const parsed = parseArgs({
    args: [...args],
    strict: true,
    allowPositionals: expected.length > 0,
    options: { ...COMMON_OPTIONS, ...options },
  });
  const { positionals } = parsed;
  if (positionals.length !== expected.length) {
    throw new CliUsageError(
      positionals.length < expected.length
        ? `missing ${expected.slice(positionals.length).join(' ')}`
        : `unexpected argument "${positionals[expected.length]}"`,
    );
  }
  return { values: parsed.values as unknown as FlagValues<typeof COMMON_OPTIONS & O>, positionals };
}

/** A flag the command cannot do without. */
export function required(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') throw new CliUsageError(`${flag} is required`);
  return value.trim();
}

export function print(io: CliIo, json: boolean, value: unknown, text: string): void {
  io.stdout(json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);
}

/** `2026-12-06 14:02Z`: minutes are enough to tell keys apart in a list. */
export function shortTime(date: Date | null): string {
  return date === null ? '—' : `${date.toISOString().slice(0, 16).replace('T', ' ')}Z`;
}

export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
