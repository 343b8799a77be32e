// Per-account fault injection shared by every emulator. Persistent faults (a revoked grant, a deleted account,
// a dropped scope, an expired access token) stay until cleared or healed by the flow that heals them (a new
// authorization heals REVOKE_GRANT; a refresh heals EXPIRE_ACCESS_TOKEN). Counted faults (rate limits, 5xx
// bursts, resets, latency) apply to the next N requests of that account. COMMIT_THEN_RESET applies to the next
// N creates only: the emulator stores the item, then cuts the connection before answering — the case where a
// client cannot know whether its write landed.

export type Fault =
  | { readonly kind: 'REVOKE_GRANT' }
  | { readonly kind: 'EXPIRE_ACCESS_TOKEN' }
  | { readonly kind: 'DROP_SCOPE'; readonly scope: string }
  | { readonly kind: 'DELETE_ACCOUNT' }
  | { readonly kind: 'RATE_LIMIT'; readonly requests: number; readonly retryAfterSeconds: number }
  | {
      readonly kind: 'SERVER_ERROR_BURST';
      readonly requests: number;
      readonly status?: 500 | 502 | 503 | 504;
    }
  | { readonly kind: 'LATENCY'; readonly ms: number; readonly requests?: number }
  | { readonly kind: 'RESET_CONNECTION'; readonly requests: number }
  | { readonly kind: 'COMMIT_THEN_RESET'; readonly requests: number };

export type FaultKind = Fault['kind'];

/** What the emulator must do to one request, decided before it serves it. */
export type RequestFault =
  | { readonly kind: 'RATE_LIMIT'; readonly retryAfterSeconds: number }
  | { readonly kind: 'SERVER_ERROR'; readonly status: 500 | 502 | 503 | 504 }
  | { readonly kind: 'RESET_CONNECTION' }
  | null;

interface AccountFaults {
  revoked: boolean;
  deleted: boolean;
  accessTokenExpired: boolean;
  droppedScopes: Set<string>;
  counted: {
    fault: Exclude<Extract<Fault, { requests: number }>, { kind: 'COMMIT_THEN_RESET' }>;
    remaining: number;
  }[];
  commitThenReset: number;
  latency: { ms: number; remaining: number | null } | null;
}

const FAULT_KINDS: readonly FaultKind[] = [
  'REVOKE_GRANT',
  'EXPIRE_ACCESS_TOKEN',
  'DROP_SCOPE',
  'DELETE_ACCOUNT',
  'RATE_LIMIT',
  'SERVER_ERROR_BURST',
  'LATENCY',
  'RESET_CONNECTION',
  'COMMIT_THEN_RESET',
];

/** Validates a fault from the control API; returns an error message or the fault. */
export function parseFault(value: unknown): Fault | string {
  if (typeof value !== 'object' || value === null) return 'a fault is a JSON object';
  const fault = value as Record<string, unknown>;
  const kind = fault.kind;
  if (typeof kind !== 'string' || !FAULT_KINDS.includes(kind as FaultKind)) {
    return `kind must be one of ${FAULT_KINDS.join(', ')}`;
  }
  const count = (name: string, max = 10_000) => {
    const n = fault[name];
    return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= max ? n : null;
  };
  switch (kind as FaultKind) {
    case 'DROP_SCOPE':
      return typeof fault.scope === 'string' && fault.scope.length > 0
        ? { kind: 'DROP_SCOPE', scope: fault.scope }
        : 'DROP_SCOPE needs a scope';
    case 'RATE_LIMIT': {
      const requests = count('requests');
      const retryAfterSeconds = count('retryAfterSeconds', 3600);
      return requests !== null && retryAfterSeconds !== null
        ? { kind: 'RATE_LIMIT', requests, retryAfterSeconds }
        : 'RATE_LIMIT needs integer requests and retryAfterSeconds';
    }
    case 'SERVER_ERROR_BURST': {
      const requests = count('requests');
      const status = fault.status ?? 503;
      if (requests === null || ![500, 502, 503, 504].includes(status as number)) {
        return 'SERVER_ERROR_BURST needs integer requests and a status of 500, 502, 503 or 504';
      }
      return { kind: 'SERVER_ERROR_BURST', requests, status: status as 500 | 502 | 503 | 504 };
    }
    case 'LATENCY': {
      const ms = count('ms', 60_000);
      const requests = fault.requests === undefined ? undefined : count('requests');
      if (ms === null || requests === null) return 'LATENCY needs integer ms (and optional requests)';
      return requests === undefined ? { kind: 'LATENCY', ms } : { kind: 'LATENCY', ms, requests };
    }
    case 'RESET_CONNECTION':
    case 'COMMIT_THEN_RESET': {
      const requests = count('requests');
      return requests !== null
        ? { kind: kind as 'RESET_CONNECTION' | 'COMMIT_THEN_RESET', requests }
        : `${kind} needs integer requests`;
    }
    default:
      return { kind } as Fault;
  }
}

export class FaultBook {
  readonly #accounts = new Map<string, AccountFaults>();

  #of(accountId: string): AccountFaults {
    let faults = this.#accounts.get(accountId);
    if (!faults) {
      faults = {
        revoked: false,
        deleted: false,
        accessTokenExpired: false,
        droppedScopes: new Set(),
        counted: [],
        commitThenReset: 0,
        latency: null,
      };
      this.#accounts.set(accountId, faults);
    }
    return faults;
  }

  inject(accountId: string, fault: Fault): void {
    const faults = this.#of(accountId);
    switch (fault.kind) {
      case 'REVOKE_GRANT':
        faults.revoked = true;
        break;
      case 'DELETE_ACCOUNT':
        faults.deleted = true;
        break;
      case 'EXPIRE_ACCESS_TOKEN':
        faults.accessTokenExpired = true;
        break;
      case 'DROP_SCOPE':
        faults.droppedScopes.add(fault.scope);
        break;
      case 'LATENCY':
        faults.latency = { ms: fault.ms, remaining: fault.requests ?? null };
        break;
      case 'COMMIT_THEN_RESET':
        faults.commitThenReset += fault.requests;
        break;
      default:
        faults.counted.push({ fault, remaining: fault.requests });
    }
  }

  clear(accountId: string): void {
    this.#accounts.delete(accountId);
  }

  clearAll(): void {
    this.#accounts.clear();
  }

  isRevoked(accountId: string): boolean {
    return this.#accounts.get(accountId)?.revoked ?? false;
  }

  isDeleted(accountId: string): boolean {
    return this.#accounts.get(accountId)?.deleted ?? false;
  }

  isAccessTokenExpired(accountId: string): boolean {
    return this.#accounts.get(accountId)?.accessTokenExpired ?? false;
  }

  droppedScopes(accountId: string): ReadonlySet<string> {
    return this.#accounts.get(accountId)?.droppedScopes ?? new Set();
  }

  /** A successful refresh issues a fresh access token. */
  healAccessToken(accountId: string): void {
    const faults = this.#accounts.get(accountId);
    if (faults) faults.accessTokenExpired = false;
  }

  /** A new authorization (reconnect) issues a new grant with the full scope. */
  healGrant(accountId: string): void {
    const faults = this.#accounts.get(accountId);
    if (!faults) return;
    faults.revoked = false;
    faults.accessTokenExpired = false;
    faults.droppedScopes.clear();
  }

  /**
   * After a create was stored: true when its answer must be lost (consumes one COMMIT_THEN_RESET); the emulator
   * then destroys the socket instead of answering.
   */
  takeCommitThenReset(accountId: string): boolean {
    const faults = this.#accounts.get(accountId);
    if (!faults || faults.commitThenReset <= 0) return false;
    faults.commitThenReset--;
    return true;
  }

  /** Milliseconds to delay this request (consumes one LATENCY request). */
  takeLatency(accountId: string): number {
    const latency = this.#accounts.get(accountId)?.latency;
    if (!latency) return 0;
    if (latency.remaining !== null) {
      latency.remaining--;
      if (latency.remaining <= 0) this.#of(accountId).latency = null;
    }
    return latency.ms;
  }

  /**
   * One request's transport faults, applied: waits out the account's injected latency, takes its next counted
   * fault and, for RESET_CONNECTION, destroys the socket (the request is then answered). A rate limit or server
   * error is returned for the emulator to answer in its provider's words.
   */
  async intercept(accountId: string, socket: { destroy(): void }): Promise<RequestFault> {
    const latency = this.takeLatency(accountId);
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    const fault = this.takeRequestFault(accountId);
    if (fault?.kind === 'RESET_CONNECTION') socket.destroy();
    return fault;
  }

  /** The counted fault to apply to this request, if any (consumes one). */
  takeRequestFault(accountId: string): RequestFault {
    const faults = this.#accounts.get(accountId);
    if (!faults) return null;
    while (faults.counted.length > 0) {
      const head = faults.counted[0]!;
      if (head.remaining <= 0) {
        faults.counted.shift();
        continue;
      }
      head.remaining--;
      const { fault } = head;
      if (fault.kind === 'RATE_LIMIT')
        return { kind: 'RATE_LIMIT', retryAfterSeconds: fault.retryAfterSeconds };
      if (fault.kind === 'SERVER_ERROR_BURST') return { kind: 'SERVER_ERROR', status: fault.status ?? 503 };
      return { kind: 'RESET_CONNECTION' };
    }
    return null;
  }
}

/**
 * The account a control path names (`/_control/accounts/:account/…`): by the emulator's own id, or by its
 * email address (any case), so a person can break a demo account they know only by its address.
 */
export function controlAccount<A extends { readonly email: string }>(
  accounts: ReadonlyMap<string, A>,
  segment: string,
): A | undefined {
  let key: string;
  try {
    key = decodeURIComponent(segment);
  } catch {
    return undefined; // malformed escape: names no account
  }
  const byId = accounts.get(key);
  if (byId !== undefined || !key.includes('@')) return byId;
  const email = key.toLowerCase();
  for (const account of accounts.values()) if (account.email.toLowerCase() === email) return account;
  return undefined;
}

/** What an emulator answers to `/_control/accounts/:account/faults`: status and JSON body (undefined: empty). */
export interface FaultControlAnswer {
  readonly status: number;
  readonly body: unknown;
}

/**
 * The fault control API every emulator serves for one known account: POST injects the fault in `body`
 * (400 with parseFault's message when malformed), DELETE clears the account's faults. Null for other methods.
 */
export function applyFaultControl(
  faults: FaultBook,
  accountId: string,
  method: string | undefined,
  body: unknown,
): FaultControlAnswer | null {
  if (method === 'POST') {
    const fault = parseFault(body);
    if (typeof fault === 'string') return { status: 400, body: { error: fault } };
    faults.inject(accountId, fault);
    return { status: 204, body: undefined };
  }
  if (method === 'DELETE') {
    faults.clear(accountId);
    return { status: 204, body: undefined };
  }
  return null;
}
