// graphql-ws on the gateway's HTTP server and GraphQL path. A socket authenticates once, in connection_init
// (closed with 1013 Try Again Later when the database cannot be read to accept it), and lives no longer than
// its token (closed with 4403 when it expires); every operation then runs with a fresh context (the user as
// the database has them now), the same validation, limits, codes and messages as HTTP, and within the
// per-socket and per-token caps. The `ws` glue is ours rather than graphql-ws's `useServer` so that a
// client's mistake or departure is logged as such, never as a server error.
import { createHash } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { GraphQLError, GraphQLFormattedError, GraphQLSchema, ValidationRule } from 'graphql';
import { CloseCode, type Context, handleProtocols, makeServer } from 'graphql-ws';
import { WebSocket, WebSocketServer } from 'ws';
import { verifyAuthorization } from '../auth/authenticate.js';
import { bearerToken, type Viewer } from '../auth/token.js';
import { createContext, type GatewayServices } from '../context.js';
import type { GatewayConfig } from '../env.js';
import { databaseUnavailableError, gatewayError, isExpectedError } from '../errors.js';
import { createSharedSubscribe } from '../events/shared-execution.js';
import { type Logger, requestIdFrom } from '../ops/logger.js';
import { prepareOperation } from './ws-operation.js';

interface SocketExtra {
  readonly socket: WebSocket;
  readonly request: IncomingMessage;
  readonly requestId: string;
  viewer?: Viewer;
  /** Absent for API keys, which do not expire (they are revoked). */
  expiresAt?: Date | undefined;
  /** The token's digest: the key of the per-token cap. */
  tokenKey?: string;
  /** Closes the socket when the token expires. */
  expiryTimer?: NodeJS.Timeout;
}

type SocketContext = Context<Record<string, unknown> | undefined, SocketExtra>;

export interface SubscriptionServerOptions {
  readonly httpServer: Server;
  readonly path: string;
  readonly schema: GraphQLSchema;
  readonly validationRules: readonly ValidationRule[];
  readonly services: GatewayServices;
  readonly config: GatewayConfig;
  readonly log: Logger;
  /** The HTTP side's error formatting (masking, metrics, logging), applied to every error a socket sends. */
  readonly formatErrors: (
    errors: readonly GraphQLError[],
    requestId: string | undefined,
  ) => GraphQLFormattedError[];
}

export interface SubscriptionServer {
  /** Closes every socket with 1001 (terminating those that do not close in `timeoutMs`), then the server. */
  close(timeoutMs: number): Promise<void>;
}

const KEEP_ALIVE_MS = 12_000;
/**
 * The close code for a handshake the database could not serve: 1013 Try Again Later, registered in the IANA
 * "WebSocket Close Code Number Registry" that RFC 6455 §11.7 sets up, for a server ending the connection
 * over a temporary condition (https://www.iana.org/assignments/websocket). graphql-ws's client retries it (client.ts
 * `isFatalInternalCloseCode` lists 1013 as not fatal), whereas 4500 InternalServerError is in its fatal list
 * (`shouldRetryConnectOrThrow`) and 4403 Forbidden says the token was refused.
 */
export const TRY_AGAIN_LATER = 1013;
/** Close reasons are at most 123 bytes (RFC 6455 §5.5): the code first, for clients that read it. */
export const TRY_AGAIN_LATER_REASON = 'DATABASE_UNAVAILABLE: the database is unavailable, try again later';
// setTimeout fires at once for delays above 2^31 - 1 ms (24.8 days): longer token lifetimes re-arm.
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/** The sockets of each token, for the per-token cap. */
class TokenSockets {
  readonly #byToken = new Map<string, Set<SocketContext>>();

  add(key: string, ctx: SocketContext): void {
    const sockets = this.#byToken.get(key) ?? new Set();
    sockets.add(ctx);
    this.#byToken.set(key, sockets);
  }

  delete(key: string, ctx: SocketContext): void {
    const sockets = this.#byToken.get(key);
    sockets?.delete(ctx);
    if (sockets?.size === 0) this.#byToken.delete(key);
  }

  /** Operations running (or being set up) on all the sockets of `key`. */
  operations(key: string): number {
    let count = 0;
    for (const ctx of this.#byToken.get(key) ?? []) count += Object.keys(ctx.subscriptions).length;
    return count;
  }
}

export function serveSubscriptions(options: SubscriptionServerOptions): SubscriptionServer {
  const { schema, services, config, log, formatErrors } = options;
  const limits = config.subscriptionLimits;
  const tokens = new TokenSockets();
  const wsServer = new WebSocketServer({
    server: options.httpServer,
    path: options.path,
    maxPayload: config.limits.maxBodyBytes,
    handleProtocols,
  });

  const expire = (ctx: SocketContext) => ctx.extra.socket.close(CloseCode.Forbidden, 'Token expired');
  const expired = (ctx: SocketContext) =>
    ctx.extra.expiresAt !== undefined && ctx.extra.expiresAt.getTime() <= Date.now();

  const server = makeServer<Record<string, unknown> | undefined, SocketExtra>({
    subscribe: createSharedSubscribe(),
    onConnect: async (ctx) => {
      // `authorization` as documented; GraphiQL sends its headers tab as-is (`Authorization`).
      const params = ctx.connectionParams ?? {};
      const authorization = params.authorization ?? params.Authorization;
      const { requestId } = ctx.extra;
      try {
        const token = await verifyAuthorization(
          services.authenticator,
          typeof authorization === 'string' ? authorization : null,
        );
        // Refuses a token whose user is gone, as HTTP does.
        await createContext(services, token.viewer, requestId, log);
        if (ctx.extra.socket.readyState !== WebSocket.OPEN) return false;
        ctx.extra.viewer = token.viewer;
        ctx.extra.expiresAt = token.expiresAt ?? undefined;
        // The token itself, not the header: "Bearer" and "bearer" carry the same token.
        ctx.extra.tokenKey = createHash('sha256')
          .update(bearerToken(String(authorization)) ?? '')
          .digest('base64url');
        tokens.add(ctx.extra.tokenKey, ctx);
        if (token.expiresAt !== null) armExpiry(ctx, token.expiresAt, () => expire(ctx));
        return true;
      } catch (error) {
        if (databaseUnavailableError(error) !== null) {
          // The token may be fine: say "later", not "forbidden". graphql-ws's own 4403 close that follows
          // `false` is a no-op on a socket already closing.
          log.warn({ requestId, code: 'DATABASE_UNAVAILABLE' }, 'WebSocket connection refused for now');
          ctx.extra.socket.close(TRY_AGAIN_LATER, TRY_AGAIN_LATER_REASON);
          return false;
        }
        if (!isExpectedError(error)) log.error({ err: error, requestId }, 'WebSocket authentication failed');
        return false; // graphql-ws closes the socket with 4403 Forbidden.
      }
    },
    onSubscribe: async (ctx, _id, payload) => {
      const { viewer, requestId, tokenKey } = ctx.extra;
      if (viewer === undefined || tokenKey === undefined) {
        throw new Error('Subscribe before connection_init was accepted');
      }
      if (expired(ctx)) {
        expire(ctx);
        return [gatewayError('UNAUTHENTICATED', 'The token has expired')];
      }
      // graphql-ws registers an operation before this hook runs: the counts include this one.
      if (Object.keys(ctx.subscriptions).length > limits.maxPerSocket) {
        return [
          capError(`This socket already runs ${limits.maxPerSocket} operations`, 'SUBSCRIPTIONS_PER_SOCKET'),
        ];
      }
      if (tokens.operations(tokenKey) > limits.maxPerToken) {
        return [
          capError(`This token already runs ${limits.maxPerToken} operations`, 'SUBSCRIPTIONS_PER_TOKEN'),
        ];
      }
      const prepared = prepareOperation(schema, options.validationRules, config.limits, payload);
      if (!prepared.ok) return prepared.errors;
      try {
        return {
          ...prepared.args,
          // Fresh per operation: the viewer's user may have changed role, or gone, since the socket opened.
          contextValue: await createContext(services, viewer, requestId, log.child({ requestId })),
        };
      } catch (error) {
        // The same typed errors HTTP answers (UNAUTHENTICATED for a deleted user, DATABASE_UNAVAILABLE),
        // for this operation only; anything else is masked.
        const unavailable = databaseUnavailableError(error);
        if (unavailable !== null) return [unavailable];
        if (isExpectedError(error)) return [error as GraphQLError];
        log.error({ err: error, requestId }, 'setting up a WebSocket operation failed');
        return [gatewayError('INTERNAL_SERVER_ERROR', 'Internal server error')];
      }
    },
    onError: (ctx, _id, _payload, errors) => formatErrors(errors, ctx.extra.requestId),
    onNext: (ctx, _id, _payload, _args, result) =>
      result.errors === undefined
        ? undefined
        : { ...result, errors: formatErrors(result.errors, ctx.extra.requestId) },
    onClose: (ctx) => {
      if (ctx.extra.tokenKey !== undefined) tokens.delete(ctx.extra.tokenKey, ctx);
    },
  });

  wsServer.on('connection', (socket, request) => {
    const requestId = requestIdFrom(request.headers['x-request-id']);
    const socketLog = log.child({ requestId });
    // A client's protocol error (oversized or malformed frame) or a reset connection: ws closes the socket.
    socket.on('error', (error) => socketLog.info({ err: error }, 'WebSocket closed on a client error'));
    const extra: SocketExtra = { socket, request, requestId };
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve) => {
            if (socket.readyState !== WebSocket.OPEN) {
              resolve();
              return;
            }
            // A write that fails means the client went away: its operations end with the socket.
            socket.send(data, (error) => {
              if (error) socketLog.debug({ err: error }, 'WebSocket write failed; the client left');
              resolve();
            });
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', async (data) => {
            try {
              await handle(String(data));
            } catch (error) {
              socketLog.error({ err: error }, 'WebSocket message handling failed');
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            }
          }),
      },
      extra,
    );
    const keepAlive = setInterval(() => {
      if (socket.readyState === WebSocket.OPEN) socket.ping();
    }, KEEP_ALIVE_MS);
    let alive = true;
    socket.on('pong', () => {
      alive = true;
    });
    const liveness = setInterval(() => {
      if (!alive) socket.terminate();
      alive = false;
    }, KEEP_ALIVE_MS * 2);
    socket.once('close', (code, reason) => {
      clearInterval(keepAlive);
      clearInterval(liveness);
      clearTimeout(extra.expiryTimer);
      void closed(code, String(reason));
    });
  });

  return {
    async close(timeoutMs) {
      await Promise.all([...wsServer.clients].map((socket) => closeSocket(socket, timeoutMs)));
      await new Promise<void>((resolve, reject) =>
        wsServer.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

function capError(message: string, limit: string): GraphQLError {
  return gatewayError('BAD_USER_INPUT', `${message}; complete one before subscribing again`, {
    extensions: { limit },
  });
}

/** Closes the socket with 4403 when its token expires (re-arming for lifetimes longer than a timer allows). */
function armExpiry(ctx: SocketContext, expiresAt: Date, expire: () => void): void {
  const arm = () => {
    const remaining = expiresAt.getTime() - Date.now();
    if (remaining <= 0) {
      expire();
      return;
    }
    ctx.extra.expiryTimer = setTimeout(arm, Math.min(remaining, LONGEST_TIMER_MS));
    ctx.extra.expiryTimer.unref();
  };
  arm();
}

function closeSocket(socket: WebSocket, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (socket.readyState === WebSocket.CLOSED) {
      resolve();
      return;
    }
    const timer = setTimeout(() => socket.terminate(), timeoutMs);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.close(1001, 'Server shutting down');
  });
}
