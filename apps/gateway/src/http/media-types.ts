// Which response media type a GraphQL-over-HTTP client asked for. The spec's legacy `application/json`
// clients get 200 for every well-formed request, errors in the body; `application/graphql-response+json`
// clients (and, since the spec's 2025 watershed, clients that send no Accept) get 4xx for request errors.
// https://graphql.github.io/graphql-over-http/draft/#sec-application-json

export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';
export const APPLICATION_JSON = 'application/json';

function acceptedTypes(accept: string | null | undefined): string[] {
  if (accept === null || accept === undefined) return [];
  return accept
    .split(',')
    .map((part) => part.split(';'))
    .filter(
      ([, ...parameters]) => !parameters.some((parameter) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(parameter)),
    )
    .map(([type = '']) => type.trim().toLowerCase());
}

/** True when the client accepts `application/json` and not `application/graphql-response+json`. */
export function wantsLegacyJson(accept: string | null | undefined): boolean {
  const types = acceptedTypes(accept);
  return types.includes(APPLICATION_JSON) && !types.includes(GRAPHQL_RESPONSE_JSON);
}

/** The status of a request error (parse, validation, limits): 200 for legacy clients, `status` otherwise. */
export function requestErrorStatus(accept: string | null | undefined, status: number): number {
  return wantsLegacyJson(accept) ? 200 : status;
}

/** The content type of an error answer the gateway writes itself. */
export function errorContentType(accept: string | null | undefined): string {
  return acceptedTypes(accept).includes(GRAPHQL_RESPONSE_JSON) ? GRAPHQL_RESPONSE_JSON : APPLICATION_JSON;
}
