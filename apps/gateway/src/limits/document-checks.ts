// Checks on a request's document and variables that HTTP and graphql-ws share, for the mistakes graphql-js
// itself does not turn into a clean error: a document nested thousands deep (its parser recurses and would
// overflow the stack), a NUL character in a string (Postgres text cannot hold U+0000, so it would fail deep
// in a transaction), and @skip/@include on a subscription's root field (graphql-js 16 throws while
// validating it instead of reporting it).
import {
  type ASTVisitor,
  type DocumentNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  SingleFieldSubscriptionsRule,
  specifiedRules,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { QueryLimits } from '../env.js';
import { gatewayError } from '../errors.js';

/**
 * How deep brackets (`{`, `[`, `(`) may nest in a document before it is parsed: room for `maxDepth` fields,
 * an inline fragment at each level and nested input objects, far below what overflows the parser.
 */
export function documentNestingLimit(limits: QueryLimits): number {
  return limits.maxDepth * 4 + 16;
}

/** The bracket nesting of a GraphQL source text, ignoring strings and comments; stops past `stopAbove`. */
export function bracketNesting(source: string, stopAbove = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '#') {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
    } else if (char === '"') {
      if (source.startsWith('""', i + 1)) {
        // Block string: ends at the next unescaped """.
        i += 3;
        while (i < source.length && !source.startsWith('"""', i)) i += source.startsWith('\\"""', i) ? 4 : 1;
        i += 2;
      } else {
        i++;
        while (i < source.length && source[i] !== '"' && source[i] !== '\n') i += source[i] === '\\' ? 2 : 1;
      }
    } else if (char === '{' || char === '[' || char === '(') {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > stopAbove) return deepest;
      }
    } else if (char === '}' || char === ']' || char === ')') {
      depth = Math.max(0, depth - 1);
    }
  }
  return deepest;
}

/** A document nested deeper than the parser should be asked to go, refused before parsing. */
export function documentNestingError(source: string, limits: QueryLimits): GraphQLError | null {
  const limit = documentNestingLimit(limits);
  if (bracketNesting(source, limit) <= limit) return null;
  return gatewayError('BAD_USER_INPUT', `The document nests brackets more than ${limit} levels deep`, {
    extensions: { limit: 'DEPTH' },
    http: true,
  });
}

const NUL = '\u0000';
const NUL_MESSAGE = 'must not contain the NUL character (U+0000)';

/** The first path (`$input.title`) under which a variable holds a string or key with a NUL character. */
function nulPath(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? path : null;
  // Variables come from JSON, which the body limit already bounds; the depth bound only guards the stack.
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nulPath(item, `${path}[${index}]`, depth + 1);
      if (found !== null) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    if (key.includes(NUL)) return path;
    const found = nulPath(item, `${path}.${key}`, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** BAD_USER_INPUT for a NUL character anywhere in the variables (literals: `NoNulCharacterRule`). */
export function variableTextErrors(
  variables: Readonly<Record<string, unknown>> | null | undefined,
): GraphQLError[] {
  for (const [name, value] of Object.entries(variables ?? {})) {
    const path = nulPath(value, `$${name}`);
    if (path !== null) {
      return [gatewayError('BAD_USER_INPUT', `${path} ${NUL_MESSAGE}`, { field: name, http: true })];
    }
  }
  return [];
}

/** String literals of a document must not contain NUL (written `\u0000`; raw NUL is already a syntax error). */
export function NoNulCharacterRule(context: ValidationContext): ASTVisitor {
  return {
    StringValue(node) {
      if (node.value.includes(NUL))
        context.reportError(new GraphQLError(`String values ${NUL_MESSAGE}`, { nodes: node }));
    },
  };
}

/** The first @skip or @include among a subscription's root selections, looking through fragments. */
function rootConditionalDirective(
  context: ValidationContext,
  selectionSet: SelectionSetNode,
  seen: Set<string>,
): string | null {
  for (const selection of selectionSet.selections) {
    const directive = selection.directives?.find(
      (candidate) => candidate.name.value === 'skip' || candidate.name.value === 'include',
    );
    if (directive !== undefined) return directive.name.value;
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const found = rootConditionalDirective(context, selection.selectionSet, seen);
      if (found !== null) return found;
    } else if (selection.kind === Kind.FRAGMENT_SPREAD && !seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = context.getFragment(selection.name.value);
      const found = fragment == null ? null : rootConditionalDirective(context, fragment.selectionSet, seen);
      if (found !== null) return found;
    }
  }
  return null;
}

/**
 * graphql-js 16's single-root-field rule, made safe: a subscription may not put @skip or @include on its
 * root field (the GraphQL spec's "Single Root Field" rule evaluates the root without variables), reported
 * as a validation error before the original rule would throw on a variable it cannot see.
 */
export function SubscriptionRootFieldRule(context: ValidationContext): ASTVisitor {
  const single = SingleFieldSubscriptionsRule(context) as {
    OperationDefinition: (node: OperationDefinitionNode) => void;
  };
  return {
    OperationDefinition(node) {
      if (node.operation !== 'subscription') return;
      const directive = rootConditionalDirective(context, node.selectionSet, new Set());
      if (directive === null) {
        single.OperationDefinition(node);
        return;
      }
      const name = node.name === undefined ? 'Anonymous Subscription' : `Subscription "${node.name.value}"`;
      context.reportError(
        new GraphQLError(`${name} must not use @${directive} on its root field.`, { nodes: node }),
      );
    },
  };
}

/** The specified rules with the safe subscription rule, plus the gateway's own: what graphql-ws validates with. */
export function gatewayValidationRules(extra: readonly ValidationRule[] = []): ValidationRule[] {
  return [
    ...specifiedRules.map((rule) =>
      rule === SingleFieldSubscriptionsRule ? SubscriptionRootFieldRule : rule,
    ),
    NoNulCharacterRule,
    ...extra,
  ];
}

/** Whether a document holds a subscription operation (HTTP refuses them before Apollo validates). */
export function hasSubscription(document: DocumentNode): boolean {
  return document.definitions.some(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION && definition.operation === 'subscription',
  );
}
