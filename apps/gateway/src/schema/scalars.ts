// Scalar behaviour only: names and descriptions come from the SDL (base.graphql), so the printed
// contract and the running schema agree.
import { GraphQLError, type GraphQLScalarTypeConfig, Kind } from 'graphql';

type ScalarBehaviour<Internal, External> = Pick<
  GraphQLScalarTypeConfig<Internal, External>,
  'serialize' | 'parseValue' | 'parseLiteral'
>;

function toDate(value: unknown): Date {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
  if (date === null || Number.isNaN(date.getTime())) {
    throw new GraphQLError('DateTime must be an ISO 8601 date-time string');
  }
  return date;
}

export const DateTime: ScalarBehaviour<Date, string> = {
  serialize: (value) => toDate(value).toISOString(),
  parseValue: toDate,
  parseLiteral: (node) => {
    if (node.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string');
    return toDate(node.value);
  },
};

const outputOnly = (): never => {
  throw new GraphQLError('JSON is an output type');
};

/** Output only: event payloads. */
export const JSONScalar: ScalarBehaviour<unknown, unknown> = {
  serialize: (value) => value,
  parseValue: outputOnly,
  parseLiteral: outputOnly,
};
