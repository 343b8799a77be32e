// Which targets production refuses (IANA IPv4/IPv6 special-purpose address registries, RFC 6890; RFC 4291
// §2.5.5.2 for IPv4-mapped IPv6; RFC 6052 for NAT64; RFC 6761 for `localhost`), and the connect-time check
// that catches a name resolving elsewhere than it did at registration (DNS rebinding).
import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import {
  type AddressKind,
  checkWebhookUrl,
  classifyAddress,
  guardedLookup,
  type Resolver,
  type TargetPolicy,
} from './targets.js';

const ADDRESSES: readonly [string, AddressKind][] = [
  ['93.184.215.14', 'PUBLIC'],
  ['8.8.8.8', 'PUBLIC'],
  ['127.0.0.1', 'LOOPBACK'],
  ['127.255.0.9', 'LOOPBACK'],
  ['10.1.2.3', 'PRIVATE'],
  ['172.16.0.1', 'PRIVATE'],
  ['172.31.255.255', 'PRIVATE'],
  ['172.32.0.1', 'PUBLIC'],
  ['192.168.1.1', 'PRIVATE'],
  ['100.64.0.1', 'PRIVATE'],
  ['169.254.169.254', 'LINK_LOCAL'],
  ['0.0.0.0', 'RESERVED'],
  ['224.0.0.1', 'RESERVED'],
  ['255.255.255.255', 'RESERVED'],
  ['198.18.0.1', 'RESERVED'],
  ['::1', 'LOOPBACK'],
  ['[::1]', 'LOOPBACK'],
  ['::', 'RESERVED'],
  ['fc00::1', 'PRIVATE'],
  ['fd12:3456:789a::1', 'PRIVATE'],
  ['fe80::1', 'LINK_LOCAL'],
  ['fe80::1%eth0', 'LINK_LOCAL'],
  ['ff02::1', 'RESERVED'],
  ['2001:db8::1', 'RESERVED'],
  ['2606:4700:4700::1111', 'PUBLIC'],
  ['::ffff:127.0.0.1', 'LOOPBACK'],
  ['::ffff:7f00:1', 'LOOPBACK'],
  ['[::ffff:169.254.169.254]', 'LINK_LOCAL'],
  ['::ffff:10.0.0.1', 'PRIVATE'],
  ['::ffff:8.8.8.8', 'PUBLIC'],
  ['64:ff9b::7f00:1', 'LOOPBACK'],
  ['2002:c0a8:101::1', 'PRIVATE'],
];

describe('classifyAddress', () => {
  it.each(ADDRESSES)('%s is %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it.each(['example.com', 'localhost', '1.2.3', '::gg', ''])('%s is not an address', (text) => {
    expect(classifyAddress(text)).toBeNull();
  });
});

/** A resolver that answers from a table, as a DNS server under an attacker's control might. */
const resolverOf =
  (table: Record<string, string[]>): Resolver =>
  async (hostname) => {
    const answers = table[hostname];
    if (answers === undefined) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    return answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

const dns = resolverOf({
  'hooks.example.com': ['93.184.215.14'],
  'internal.example.com': ['10.0.0.5'],
  'mixed.example.com': ['93.184.215.14', '127.0.0.1'],
  'v6-ula.example.com': ['fd00::5'],
  'mapped.example.com': ['::ffff:127.0.0.1'],
});

describe('checkWebhookUrl', () => {
  const cases: readonly [string, TargetPolicy, true | RegExp][] = [
    ['https://hooks.example.com/tsunagi', 'public-only', true],
    ['http://93.184.215.14:8080/in', 'public-only', true],
    ['http://127.0.0.1:3000/hooks', 'public-only', /loopback/],
    ['http://[::1]/hooks', 'public-only', /loopback/],
    ['http://[::ffff:127.0.0.1]/hooks', 'public-only', /loopback/],
    ['http://169.254.169.254/latest/meta-data', 'public-only', /link-local/],
    ['http://[fe80::1]/', 'public-only', /link-local/],
    ['http://[fd00::1]/', 'public-only', /private/],
    ['http://192.168.0.10/', 'public-only', /private/],
    ['http://localhost:3000/', 'public-only', /loopback/],
    ['http://api.localhost/', 'public-only', /loopback/],
    ['https://internal.example.com/', 'public-only', /private/],
    ['https://mixed.example.com/', 'public-only', /loopback/],
    ['https://v6-ula.example.com/', 'public-only', /private/],
    ['https://mapped.example.com/', 'public-only', /loopback/],
    ['https://nowhere.example.com/', 'public-only', /does not resolve/],
    ['http://127.0.0.1:3000/hooks', 'any', true],
    ['http://localhost:3000/hooks', 'any', true],
    ['ftp://hooks.example.com/', 'any', /http/],
    ['https://user:pw@hooks.example.com/', 'any', /credentials/],
    ['https://hooks.example.com/#x', 'any', /fragment/],
    ['not a url', 'any', /absolute URL/],
    [`https://hooks.example.com/${'a'.repeat(2000)}`, 'any', /longer than/],
  ];
  it.each(cases)('%s under %s', async (url, policy, expected) => {
    const result = await checkWebhookUrl(url, policy, dns);
    if (expected === true) expect(result.ok).toBe(true);
    else expect(result.ok ? 'accepted' : result.problem).toMatch(expected);
  });
});

/** Calls a lookup function the way net.connect does, with or without `all`. */
function lookUp(policy: TargetPolicy, resolver: Resolver, hostname: string, all: boolean) {
  return new Promise<{ error: NodeJS.ErrnoException | null; result: unknown }>((resolve) => {
    const lookup = guardedLookup(policy, resolver) as unknown as (
      hostname: string,
      options: { all: boolean },
      callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[]) => void,
    ) => void;
    lookup(hostname, { all }, (error, result) => resolve({ error, result }));
  });
}

describe('guardedLookup (connect time)', () => {
  it('refuses a name that now resolves to loopback although it was public at registration (rebinding)', async () => {
    let answers = ['93.184.215.14'];
    const rebinding: Resolver = async () => answers.map((address) => ({ address, family: 4 as const }));
    expect((await checkWebhookUrl('https://rebind.example.com/', 'public-only', rebinding)).ok).toBe(true);
    answers = ['127.0.0.1'];
    for (const all of [false, true]) {
      const { error } = await lookUp('public-only', rebinding, 'rebind.example.com', all);
      expect(error?.name).toBe('TargetRefusedError');
      expect(error?.message).toMatch(/loopback/);
    }
  });

  it('passes public answers through in both callback forms', async () => {
    expect(await lookUp('public-only', dns, 'hooks.example.com', false)).toEqual({
      error: null,
      result: '93.184.215.14',
    });
    expect(await lookUp('public-only', dns, 'hooks.example.com', true)).toEqual({
      error: null,
      result: [{ address: '93.184.215.14', family: 4 }],
    });
  });

  it('refuses when any answer is private, and allows loopback in development', async () => {
    expect((await lookUp('public-only', dns, 'mixed.example.com', true)).error?.name).toBe(
      'TargetRefusedError',
    );
    expect((await lookUp('public-only', dns, 'mapped.example.com', false)).error?.name).toBe(
      'TargetRefusedError',
    );
    expect(await lookUp('any', dns, 'mixed.example.com', false)).toEqual({
      error: null,
      result: '93.184.215.14',
    });
  });
});
