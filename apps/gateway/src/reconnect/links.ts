// One-click reconnect links (issue 12 §1–§2): `GET /reconnect/<token>` starts the reconnect of the one
// connection the link was issued for, as its owner, in the browser that opened it. The link stands in for the
// owner's bearer token at `GET /oauth/authorize`; it is safe to hand out because the provider's callback still
// accepts only the connection's own account (ACCOUNT_MISMATCH otherwise) and only in this browser.
import {
  createReconnectLinkStore,
  type Database,
  DEFAULT_RECONNECT_LINK_TTL_SECONDS,
  type Keyring,
  type ReconnectLinkStore,
} from '@tsunagi/db';
import type { RouteFailure } from '../providers/oauth-answer.js';
import type { ProviderRegistry } from '../providers/registry.js';

export const RECONNECT_LINK_PATH = '/reconnect';

export interface ReconnectLinkOptions {
  /** The gateway's public origin (the link's origin). */
  readonly publicUrl: () => string;
  /** Default 7 days. */
  readonly ttlSeconds?: number | undefined;
  /** The links' clock (tests move it to expire a link). */
  readonly now?: (() => Date) | undefined;
}

/** Where the opened link sends the browser, with the binding cookie to set for the flow's callback. */
export interface ReconnectStarted {
  readonly providerUrl: string;
  readonly state: string;
  readonly browserSecret: string;
  readonly expiresAt: Date;
  readonly secure: boolean;
}

export class ReconnectLinks {
  readonly #store: ReconnectLinkStore;
  readonly #options: ReconnectLinkOptions;

  constructor(db: Database, keyring: Keyring, options: ReconnectLinkOptions) {
    this.#store = createReconnectLinkStore(
      db,
      keyring,
      options.now === undefined ? {} : { now: options.now },
    );
    this.#options = options;
  }

  /** A link for a connection of the organization; null when the organization has no such connection. */
  async issue(
    organizationId: string,
    connectionId: string,
  ): Promise<{ url: string; expiresAt: Date } | null> {
    const issued = await this.#store.issue({
      organizationId,
      connectionId,
      ttlSeconds: this.#options.ttlSeconds ?? DEFAULT_RECONNECT_LINK_TTL_SECONDS,
    });
    if (issued === null) return null;
    const base = this.#options.publicUrl().replace(/\/+$/, '');
    return { url: `${base}${RECONNECT_LINK_PATH}/${issued.token}`, expiresAt: issued.expiresAt };
  }

  /**
   * Uses the link up and starts its connection's reconnect, bound to `browserSecret`. A refusal changes
   * nothing: if the flow cannot start after the link was taken, the link is given back.
   */
  async open(
    token: string,
    registry: ProviderRegistry,
    browserSecret: string,
  ): Promise<{ ok: true; value: ReconnectStarted } | { ok: false; error: RouteFailure }> {
    if (registry.bindBrowser === undefined) {
      return { ok: false, error: { code: 'PROVIDER_ERROR', message: 'No provider adapter is configured' } };
    }
    const redeemed = await this.#store.redeem(token);
    if (!redeemed.ok) return redeemed;
    const link = redeemed.value;
    try {
      const started = await registry.startAuthorization({
        organizationId: link.organizationId,
        userId: link.userId,
        provider: link.provider,
        connectionId: link.connectionId,
        redirectUri: null,
        startedBy: link.userId,
        returnUrl: null,
      });
      if (!started.ok) {
        await this.#store.release(link.linkId);
        return started;
      }
      const bound = await registry.bindBrowser({
        organizationId: link.organizationId,
        userId: link.userId,
        state: started.value.state,
        browserSecret,
      });
      if (!bound.ok) {
        await this.#store.release(link.linkId);
        return bound;
      }
      return {
        ok: true,
        value: {
          providerUrl: bound.value.providerUrl,
          state: started.value.state,
          browserSecret,
          expiresAt: bound.value.expiresAt,
          secure: bound.value.secure,
        },
      };
    } catch (error) {
      await this.#store.release(link.linkId).catch(() => {});
      throw error;
    }
  }
}
