// What Apollo does per HTTP operation beyond executing it: enforce the query limits once the operation is
// known (they need its variables), time it, and log errors nobody expected. (Root fields are timed by their
// wrapped resolvers: telemetry/resolvers.ts.)
import type { ApolloServerPlugin } from '@apollo/server';
import { type GraphQLSchema, Kind, type OperationDefinitionNode } from 'graphql';
import type { GatewayContext } from '../context.js';
import type { QueryLimits } from '../env.js';
import { requestErrorStatus } from '../http/media-types.js';
import { variableTextErrors } from '../limits/document-checks.js';
import { checkQueryLimits } from '../limits/query-limits.js';
import type { GatewayMetrics } from './metrics.js';

export interface OperationsPluginOptions {
  readonly schema: GraphQLSchema;
  readonly limits: QueryLimits;
  readonly metrics: GatewayMetrics;
  readonly logUnexpected: (errors: readonly unknown[], requestId: string | undefined) => void;
}

function firstRootField(operation: OperationDefinitionNode | null | undefined): string {
  const selection = operation?.selectionSet.selections.find((node) => node.kind === Kind.FIELD);
  return selection?.kind === Kind.FIELD ? selection.name.value : 'unknown';
}

const secondsSince = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

export function operationsPlugin(options: OperationsPluginOptions): ApolloServerPlugin<GatewayContext> {
  const { schema, limits, metrics } = options;
  return {
    async requestDidStart({ request }) {
      const started = process.hrtime.bigint();
      let type = 'unknown';
      let field = 'unknown';
      return {
        async didResolveOperation({ document, operation }) {
          type = operation?.operation ?? 'unknown';
          field = firstRootField(operation);
          const [refusal] = [
            ...variableTextErrors(request.variables),
            ...checkQueryLimits(schema, document, request.operationName, request.variables, limits),
          ];
          if (refusal !== undefined) throw refusal;
        },
        async didEncounterErrors({ errors, contextValue }) {
          options.logUnexpected(errors, (contextValue as GatewayContext | undefined)?.requestId);
        },
        async willSendResponse({ response }) {
          // Request errors (parse, validation, variables, limits) are 400 only for clients that understand
          // application/graphql-response+json; legacy application/json clients get 200 and the errors.
          if (response.http.status === 400) {
            response.http.status = requestErrorStatus(request.http?.headers.get('accept'), 400);
          }
          metrics.operationDuration.observe({ type, field }, secondsSince(started));
        },
      };
    },
  };
}
