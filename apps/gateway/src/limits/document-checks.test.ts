import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../env.js';
import {
  bracketNesting,
  documentNestingError,
  gatewayValidationRules,
  NoNulCharacterRule,
  SubscriptionRootFieldRule,
  variableTextErrors,
} from './document-checks.js';

const schema = buildSchema(`
  type Query { item(id: ID): Item }
  type Item { id: ID! name(format: String): String }
  type Subscription { ticks: Int! tocks: Int! }
`);

describe('document checks', () => {
  it('measures bracket nesting without counting strings or comments', () => {
    expect(bracketNesting('{ item { id } }')).toBe(2);
    expect(bracketNesting('{ item(id: "{{{{[[[(") { name(format: """ {{{ \\""" {{ """) } }')).toBe(3);
    expect(bracketNesting('# {{{{{{{\n{ a }')).toBe(1);
    expect(bracketNesting(`${'{a'.repeat(20_000)}${'}'.repeat(20_000)}`, 64)).toBe(65);
  });

  it('refuses a document nested past the limit before parsing, with no stack overflow', () => {
    expect(documentNestingError('{ item { id } }', DEFAULT_LIMITS)).toBeNull();
    const error = documentNestingError(`{${'a{'.repeat(20_000)}b${'}'.repeat(20_000)}}`, DEFAULT_LIMITS);
    expect(error?.message).toBe('The document nests brackets more than 64 levels deep');
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'DEPTH' });
  });

  it('finds a NUL character in variables, however deep, and in literals', () => {
    expect(variableTextErrors({ a: 'fine', b: [{ c: 'ok' }] })).toEqual([]);
    const [error] = variableTextErrors({ input: { titles: ['ok', 'bad\u0000'] } });
    expect(error?.message).toBe('$input.titles[1] must not contain the NUL character (U+0000)');
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
    const errors = validate(schema, parse('{ item(id: "a\\u0000") { id } }'), [NoNulCharacterRule]);
    expect(errors.map((e) => e.message)).toEqual([
      'String values must not contain the NUL character (U+0000)',
    ]);
  });

  it('reports @skip/@include on a subscription root instead of throwing, and keeps the single-field rule', () => {
    const check = (query: string) =>
      validate(schema, parse(query), [SubscriptionRootFieldRule]).map((error) => error.message);
    expect(check('subscription S($x: Boolean!) { ticks @include(if: $x) }')).toEqual([
      'Subscription "S" must not use @include on its root field.',
    ]);
    expect(check('subscription { ...F } fragment F on Subscription { ticks @skip(if: true) }')).toEqual([
      'Anonymous Subscription must not use @skip on its root field.',
    ]);
    expect(check('subscription { ticks tocks }')).toEqual([
      'Anonymous Subscription must select only one top level field.',
    ]);
    expect(check('subscription { ticks }')).toEqual([]);
    expect(validate(schema, parse('subscription { ticks }'), gatewayValidationRules())).toEqual([]);
  });
});
