// graphql-ws on the gateway's HTTP server and GraphQL path. A socket authenticates once, in
// connection_init; every operation then runs with a fresh context, the same validation, limits and error
// masking as HTTP.
import type { Server } from 'node:http';
import {
  type ExecutionArgs,
  type GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  parse,
  type ValidationRule,
  validate,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocket, WebSocketServer } from 'ws';
import { authenticate } from '../auth/authenticate.js';
import type { Viewer } from '../auth/token.js';
import { createContext, type GatewayServices } from '../context.js';
import type { GatewayConfig } from '../env.js';
import { isExpectedError } from '../errors.js';
import { checkQueryLimits } from '../limits/query-limits.js';
import { type Logger, requestIdFrom } from '../ops/logger.js';

type SocketExtra = { viewer?: Viewer; requestId?: string };

export interface SubscriptionServerOptions {
  readonly httpServer: Server;
  readonly path: string;
  readonly schema: GraphQLSchema;
  readonly validationRules: readonly ValidationRule[];
  readonly services: GatewayServices;
  readonly config: GatewayConfig;
  readonly log: Logger;
  /** The HTTP side's error formatting (masking, metrics), applied to every error a socket sends. */
  readonly formatErrors: (
    errors: readonly GraphQLError[],
    requestId: string | undefined,
  ) => GraphQLFormattedError[];
}

export interface SubscriptionServer {
  /** Closes every socket with 1001 (terminating those that do not close in `timeoutMs`), then the server. */
  close(timeoutMs: number): Promise<void>;
}

export function serveSubscriptions(options: SubscriptionServerOptions): SubscriptionServer {
  const { schema, services, config, log, formatErrors } = options;
  const wsServer = new WebSocketServer({
    server: options.httpServer,
    path: options.path,
    maxPayload: config.limits.maxBodyBytes,
  });
  const cleanup = useServer<Record<string, unknown>, SocketExtra>(
    {
      onConnect: async (ctx) => {
        // `authorization` as documented; GraphiQL sends its headers tab as-is (`Authorization`).
        const params = ctx.connectionParams ?? {};
        const authorization = params.authorization ?? params.Authorization;
        const requestId = requestIdFrom(ctx.extra.request.headers['x-request-id']);
        ctx.extra.requestId = requestId;
        try {
          const context = await authenticate(
            services,
            config.jwt,
            typeof authorization === 'string' ? authorization : null,
            requestId,
            log,
          );
          ctx.extra.viewer = context.viewer;
          return true;
        } catch (error) {
          if (!isExpectedError(error))
            log.error({ err: error, requestId }, 'WebSocket authentication failed');
          // graphql-ws closes the socket with 4403 Forbidden.
          return false;
        }
      },
      onSubscribe: async (ctx, _id, payload): Promise<ExecutionArgs | readonly GraphQLError[]> => {
        const { viewer, requestId = 'ws' } = ctx.extra;
        if (viewer === undefined) throw new Error('Subscribe before connection_init was accepted');
        let document: ReturnType<typeof parse>;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [error as GraphQLError];
        }
        const errors = validate(schema, document, options.validationRules);
        if (errors.length > 0) return errors;
        const limitErrors = checkQueryLimits(
          schema,
          document,
          payload.operationName,
          payload.variables,
          config.limits,
        );
        if (limitErrors.length > 0) return limitErrors;
        return {
          schema,
          document,
          operationName: payload.operationName ?? null,
          variableValues: payload.variables ?? null,
          // Fresh per operation: the viewer's user may have changed role since the socket opened.
          contextValue: await createContext(services, viewer, requestId, log.child({ requestId })),
        };
      },
      onError: (ctx, _id, _payload, errors) => formatErrors(errors, ctx.extra.requestId),
      onNext: (ctx, _id, _payload, _args, result) =>
        result.errors === undefined
          ? undefined
          : { ...result, errors: formatErrors(result.errors, ctx.extra.requestId) },
    },
    wsServer,
  );
  return {
    async close(timeoutMs) {
      await Promise.all([...wsServer.clients].map((socket) => closeSocket(socket, timeoutMs)));
      await cleanup.dispose();
    },
  };
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
