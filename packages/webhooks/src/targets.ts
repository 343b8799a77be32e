// Where a webhook may be sent. In production an endpoint must be a public address: no loopback, private,
// link-local or otherwise special-purpose range (IANA's special-purpose registries, RFC 6890). The check runs
// twice: when the URL is registered, and again on the addresses the connection is about to use (the agent's
// `lookup`), so a name that resolved to a public address at registration and to 127.0.0.1 now (DNS rebinding)
// is refused before any byte is sent.
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';

/** What kind of address a target is; everything but PUBLIC is refused in production. */
export const ADDRESS_KINDS = ['PUBLIC', 'LOOPBACK', 'PRIVATE', 'LINK_LOCAL', 'RESERVED'] as const;
export type AddressKind = (typeof ADDRESS_KINDS)[number];

/** `public-only` in production; `any` in development and tests (receivers on loopback). */
export type TargetPolicy = 'public-only' | 'any';

export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** Resolves a host name to every address; injectable so tests can play DNS rebinding. */
export type Resolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

type Range4 = readonly [number, number, AddressKind];
// [network as a 32-bit number, prefix length, kind]
const V4_RANGES: readonly Range4[] = [
  [v4('0.0.0.0'), 8, 'RESERVED'], // "this network"
  [v4('10.0.0.0'), 8, 'PRIVATE'],
  [v4('100.64.0.0'), 10, 'PRIVATE'], // carrier-grade NAT (RFC 6598)
  [v4('127.0.0.0'), 8, 'LOOPBACK'],
  [v4('169.254.0.0'), 16, 'LINK_LOCAL'], // includes cloud metadata at 169.254.169.254
  [v4('172.16.0.0'), 12, 'PRIVATE'],
  [v4('192.0.0.0'), 24, 'RESERVED'], // IETF protocol assignments
  [v4('192.0.2.0'), 24, 'RESERVED'], // TEST-NET-1
  [v4('192.168.0.0'), 16, 'PRIVATE'],
  [v4('198.18.0.0'), 15, 'RESERVED'], // benchmarking
  [v4('198.51.100.0'), 24, 'RESERVED'], // TEST-NET-2
  [v4('203.0.113.0'), 24, 'RESERVED'], // TEST-NET-3
  [v4('224.0.0.0'), 4, 'RESERVED'], // multicast
  [v4('240.0.0.0'), 4, 'RESERVED'], // reserved, and 255.255.255.255
];

function v4(text: string): number {
  return text.split('.').reduce((value, part) => value * 256 + Number(part), 0);
}

function classifyV4(value: number): AddressKind {
  for (const [network, prefix, kind] of V4_RANGES) {
    const size = 2 ** (32 - prefix);
    if (value >= network && value < network + size) return kind;
  }
  return 'PUBLIC';
}

/** The 8 16-bit groups of an IPv6 address (with an embedded dotted IPv4 tail allowed), or null. */
function v6Groups(text: string): number[] | null {
  let address = text.toLowerCase();
  const zone = address.indexOf('%');
  if (zone >= 0) address = address.slice(0, zone);
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (tail?.[1] !== undefined) {
    if (isIP(tail[1]) !== 4) return null;
    const value = v4(tail[1]);
    address = `${address.slice(0, -tail[1].length)}${(value >>> 16).toString(16)}:${(value & 0xffff).toString(16)}`;
  }
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string) =>
    part === '' ? [] : part.split(':').map((group) => Number.parseInt(group, 16));
  const head = parse(halves[0] ?? '');
  const rest = halves.length === 2 ? parse(halves[1] ?? '') : [];
  const fill = 8 - head.length - rest.length;
  if (halves.length === 1 ? fill !== 0 : fill < 0) return null;
  const groups = [...head, ...new Array<number>(halves.length === 2 ? fill : 0).fill(0), ...rest];
  return groups.every((group) => Number.isInteger(group) && group >= 0 && group <= 0xffff) ? groups : null;
}

function classifyV6(groups: readonly number[]): AddressKind {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const embedded = () => classifyV4(g6 * 65_536 + g7);
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0) {
    if (g5 === 0xffff) return embedded(); // IPv4-mapped ::ffff:a.b.c.d
    if (g5 === 0 && g6 === 0 && (g7 === 0 || g7 === 1)) return g7 === 1 ? 'LOOPBACK' : 'RESERVED';
    if (g5 === 0) return embedded(); // IPv4-compatible ::a.b.c.d (deprecated)
  }
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return embedded(); // NAT64
  if ((g0 & 0xfe00) === 0xfc00) return 'PRIVATE'; // unique local fc00::/7
  if ((g0 & 0xffc0) === 0xfe80) return 'LINK_LOCAL'; // fe80::/10
  if ((g0 & 0xff00) === 0xff00) return 'RESERVED'; // multicast
  if (g0 === 0x2001 && g1 === 0x0db8) return 'RESERVED'; // documentation
  if (g0 === 0x0100 && g1 === 0 && g2 === 0 && g3 === 0) return 'RESERVED'; // discard-only
  if (g0 === 0x2002) return classifyV4(g1 * 65_536 + g2); // 6to4 carries an IPv4 address
  return 'PUBLIC';
}

/** The kind of an IP address literal (IPv4, IPv6, IPv4-mapped, bracketed or not); null if not an address. */
export function classifyAddress(address: string): AddressKind | null {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (isIP(bare) === 4) return classifyV4(v4(bare));
  if (isIP(bare.split('%')[0] ?? '') !== 6) return null;
  const groups = v6Groups(bare);
  return groups === null ? null : classifyV6(groups);
}

export function isAllowedAddress(address: string, policy: TargetPolicy): boolean {
  return policy === 'any' || classifyAddress(address) === 'PUBLIC';
}

export type UrlCheck = { ok: true; url: URL } | { ok: false; problem: string };

export const MAX_WEBHOOK_URL_LENGTH = 2000;

/**
 * The URL's form, and under `public-only` its host: an address literal must be public, a name must resolve
 * only to public addresses (checked again at connect time). `localhost` and `*.localhost` are loopback by
 * definition (RFC 6761), whatever a resolver says.
 */
export async function checkWebhookUrl(
  text: string,
  policy: TargetPolicy,
  resolver: Resolver = systemResolver,
): Promise<UrlCheck> {
  if (text.length > MAX_WEBHOOK_URL_LENGTH)
    return { ok: false, problem: `is longer than ${MAX_WEBHOOK_URL_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: 'is not an absolute URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, problem: 'must be http(s)' };
  if (url.username !== '' || url.password !== '') return { ok: false, problem: 'must not carry credentials' };
  if (url.hash !== '') return { ok: false, problem: 'must not have a #fragment' };
  if (policy === 'any') return { ok: true, url };
  const host = url.hostname;
  const literal = classifyAddress(host);
  if (literal !== null) {
    return literal === 'PUBLIC'
      ? { ok: true, url }
      : { ok: false, problem: `points at a ${describe(literal)} address` };
  }
  if (host === 'localhost' || host.endsWith('.localhost'))
    return { ok: false, problem: 'points at loopback' };
  let addresses: readonly ResolvedAddress[];
  try {
    addresses = await resolver(host);
  } catch {
    return { ok: false, problem: `host ${host} does not resolve` };
  }
  const refused = addresses.find((entry) => classifyAddress(entry.address) !== 'PUBLIC');
  if (addresses.length === 0) return { ok: false, problem: `host ${host} does not resolve` };
  if (refused !== undefined) {
    return {
      ok: false,
      problem: `host ${host} resolves to a ${describe(classifyAddress(refused.address))} address`,
    };
  }
  return { ok: true, url };
}

function describe(kind: AddressKind | null): string {
  switch (kind) {
    case 'LOOPBACK':
      return 'loopback';
    case 'PRIVATE':
      return 'private';
    case 'LINK_LOCAL':
      return 'link-local';
    default:
      return 'reserved';
  }
}

/** Thrown through the socket when the addresses a name resolves to now are not allowed. */
export class TargetRefusedError extends Error {
  override readonly name = 'TargetRefusedError';
  readonly code = 'WEBHOOK_TARGET_REFUSED';
}

/**
 * A `lookup` for `http.request`/`net.connect` that resolves through `resolver` and refuses, before connecting,
 * a name any of whose addresses the policy does not allow (one bad answer is enough: the socket may use any).
 */
export function guardedLookup(policy: TargetPolicy, resolver: Resolver = systemResolver): LookupFunction {
  return ((
    hostname: string,
    options: { all?: boolean; family?: number },
    callback: (...args: unknown[]) => void,
  ) => {
    resolver(hostname).then(
      (addresses) => {
        const wanted = addresses.filter((entry) => !options.family || entry.family === options.family);
        const refused = wanted.find((entry) => !isAllowedAddress(entry.address, policy));
        if (refused !== undefined || wanted.length === 0) {
          const error =
            refused === undefined
              ? Object.assign(new Error(`${hostname} does not resolve`), { code: 'ENOTFOUND' })
              : new TargetRefusedError(
                  `${hostname} resolves to a ${describe(classifyAddress(refused.address))} address`,
                );
          callback(error, options.all ? [] : '', 4);
          return;
        }
        const first = wanted[0] as ResolvedAddress;
        if (options.all)
          callback(
            null,
            wanted.map(({ address, family }) => ({ address, family })),
          );
        else callback(null, first.address, first.family);
      },
      (error: unknown) => callback(error, options.all ? [] : '', 4),
    );
  }) as unknown as LookupFunction;
}
