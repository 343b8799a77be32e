// One signed POST to a receiver. Redirects are not followed (a 3xx is a failed attempt: following one would
// let a receiver send us to an address the policy refuses); the response body is read and dropped.
import http from 'node:http';
import https from 'node:https';
import {
  classifyAddress,
  guardedLookup,
  isAllowedAddress,
  type Resolver,
  type TargetPolicy,
} from './targets.js';

export interface SendOptions {
  readonly policy: TargetPolicy;
  readonly resolver?: Resolver;
  /** The whole attempt: connect, send, and the answer's headers. */
  readonly timeoutMs: number;
}

/** What one attempt came to: an HTTP answer (any status), or no answer at all. */
export type SendOutcome =
  | { readonly kind: 'answered'; readonly status: number; readonly latencyMs: number }
  | { readonly kind: 'failed'; readonly error: string; readonly latencyMs: number };

/** Sends POST requests over keep-alive connections, each new connection's addresses checked. */
export class WebhookSender {
  readonly #options: SendOptions;
  readonly #lookup: ReturnType<typeof guardedLookup>;
  readonly #http = new http.Agent({ keepAlive: true, maxSockets: 64 });
  readonly #https = new https.Agent({ keepAlive: true, maxSockets: 64 });

  constructor(options: SendOptions) {
    this.#options = options;
    this.#lookup = guardedLookup(options.policy, options.resolver);
  }

  send(target: string, headers: Record<string, string>, body: string): Promise<SendOutcome> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const failed = (error: string): SendOutcome => ({ kind: 'failed', error, latencyMs: elapsed() });
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return Promise.resolve(failed('the URL is not valid'));
    }
    // An address literal never reaches `lookup`: check it here.
    const host = url.hostname;
    if (classifyAddress(host) !== null && !isAllowedAddress(host, this.#options.policy)) {
      return Promise.resolve(failed('the target address is not allowed'));
    }
    const secure = url.protocol === 'https:';
    const request = (secure ? https : http).request;
    return new Promise<SendOutcome>((resolve) => {
      const outgoing = request(url, {
        method: 'POST',
        agent: secure ? this.#https : this.#http,
        lookup: this.#lookup,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'Tsunagi-Webhooks/1',
        },
        timeout: this.#options.timeoutMs,
      });
      const timer = setTimeout(() => outgoing.destroy(new Error('timed out')), this.#options.timeoutMs);
      outgoing.on('response', (response) => {
        clearTimeout(timer);
        const status = response.statusCode ?? 0;
        response.resume();
        response.on('end', () => resolve({ kind: 'answered', status, latencyMs: elapsed() }));
        response.on('error', () => resolve({ kind: 'answered', status, latencyMs: elapsed() }));
      });
      outgoing.on('timeout', () => outgoing.destroy(new Error('timed out')));
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        resolve(failed(describeFailure(error)));
      });
      outgoing.end(body);
    });
  }

  close(): void {
    this.#http.destroy();
    this.#https.destroy();
  }
}

/** A short, safe description: an error code or our own message, never a stack. */
function describeFailure(error: NodeJS.ErrnoException): string {
  if (error.name === 'TargetRefusedError') return `refused: ${error.message}`;
  if (error.message === 'timed out') return 'timed out';
  return error.code ?? 'connection failed';
}
