// What a graphql-ws `subscribe` message goes through before it runs — the steps Apollo takes for an HTTP
// request, in the same order and with the same codes and messages: nesting, parse, validation, operation
// choice, NUL characters and query limits, variable coercion.
import {
  type ExecutionArgs,
  GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  getVariableValues,
  parse,
  type ValidationRule,
  validate,
} from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import type { QueryLimits } from '../env.js';
import { gatewayError, requestError } from '../errors.js';
import { documentNestingError, variableTextErrors } from '../limits/document-checks.js';
import { checkQueryLimits } from '../limits/query-limits.js';

export type PreparedOperation =
  | { readonly ok: true; readonly args: Omit<ExecutionArgs, 'contextValue'> }
  | { readonly ok: false; readonly errors: readonly GraphQLError[] };

const refuse = (errors: readonly GraphQLError[]): PreparedOperation => ({ ok: false, errors });

export function prepareOperation(
  schema: GraphQLSchema,
  validationRules: readonly ValidationRule[],
  limits: QueryLimits,
  payload: SubscribePayload,
): PreparedOperation {
  const tooDeep = documentNestingError(payload.query, limits);
  if (tooDeep !== null) return refuse([tooDeep]);
  let document: ReturnType<typeof parse>;
  try {
    document = parse(payload.query);
  } catch (error) {
    return refuse([
      error instanceof GraphQLError
        ? requestError(error, 'GRAPHQL_PARSE_FAILED')
        : gatewayError('BAD_USER_INPUT', 'The document could not be parsed'),
    ]);
  }
  const invalid = validate(schema, document, validationRules);
  if (invalid.length > 0)
    return refuse(invalid.map((error) => requestError(error, 'GRAPHQL_VALIDATION_FAILED')));

  const operationName = payload.operationName ?? undefined;
  const operation = getOperationAST(document, operationName);
  if (operation === null || operation === undefined) {
    // graphql-js's words, which Apollo answers over HTTP.
    const message =
      operationName === undefined
        ? 'Must provide operation name if query contains multiple operations.'
        : `Unknown operation named "${operationName}".`;
    return refuse([gatewayError('BAD_USER_INPUT', message)]);
  }
  const variables = payload.variables ?? {};
  const refused = [
    ...variableTextErrors(variables),
    ...checkQueryLimits(schema, document, operationName, variables, limits),
  ];
  if (refused.length > 0) return refuse(refused);
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, {
    maxErrors: 50,
  });
  if (coerced.errors !== undefined) {
    return refuse(coerced.errors.map((error) => requestError(error, 'BAD_USER_INPUT')));
  }
  return {
    ok: true,
    args: { schema, document, operationName: operationName ?? null, variableValues: variables },
  };
}
