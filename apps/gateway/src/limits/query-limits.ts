// Static checks that reject expensive operations before any resolver runs: nesting depth, aliases, and a
// cost (cost-weights.ts): objects count per instance, multiplied by the lists above them (`first`, or the
// default size); DataLoader round trips and root queries count once per query path; leaves are free.
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  valueFromASTUntyped,
} from 'graphql';
import type { QueryLimits } from '../env.js';
import { gatewayError } from '../errors.js';
import { BATCHED_FIELDS, OBJECT_COST, ROUND_TRIP_COST } from './cost-weights.js';

export interface OperationMeasure {
  depth: number;
  aliases: number;
  cost: number;
}

interface Walk {
  readonly schema: GraphQLSchema;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly defaultListSize: number;
  readonly operation: OperationDefinitionNode['operation'];
  aliases: number;
  depth: number;
}

/** Measures one operation; `operationName` picks it when the document holds several. */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>> | null | undefined,
  defaultListSize: number,
): OperationMeasure | null {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const operation =
    operationName === null || operationName === undefined
      ? operations.length === 1
        ? operations[0]
        : undefined
      : operations.find((candidate) => candidate.name?.value === operationName);
  if (operation === undefined) return null;
  const root = schema.getRootType(operation.operation);
  if (root === undefined || root === null) return null;
  const walk: Walk = {
    schema,
    fragments: new Map(
      document.definitions
        .filter(
          (definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION,
        )
        .map((fragment) => [fragment.name.value, fragment]),
    ),
    variables: variables ?? {},
    defaultListSize,
    operation: operation.operation,
    aliases: 0,
    depth: 0,
  };
  const cost = selectionCost(walk, operation.selectionSet, root, 1, new Set());
  return { depth: walk.depth, aliases: walk.aliases, cost: cost.perItem + cost.once };
}

/** `perItem` is paid by every instance of the parent; `once` (round trips) by the query path as a whole. */
interface Cost {
  perItem: number;
  once: number;
}

const add = (a: Cost, b: Cost): Cost => ({ perItem: a.perItem + b.perItem, once: a.once + b.once });

function selectionCost(
  walk: Walk,
  selectionSet: SelectionSetNode,
  parentType: GraphQLNamedType,
  depth: number,
  fragmentPath: Set<string>,
): Cost {
  let cost: Cost = { perItem: 0, once: 0 };
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      cost = add(cost, fieldCost(walk, selection, parentType, depth, fragmentPath));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const typeName = selection.typeCondition?.name.value;
      const type = typeName === undefined ? parentType : (walk.schema.getType(typeName) ?? parentType);
      cost = add(cost, selectionCost(walk, selection.selectionSet, type, depth, fragmentPath));
    } else {
      const name = selection.name.value;
      const fragment = walk.fragments.get(name);
      // Cycles are a validation error reported elsewhere; don't loop on them here.
      if (fragment === undefined || fragmentPath.has(name)) continue;
      const type = walk.schema.getType(fragment.typeCondition.name.value) ?? parentType;
      fragmentPath.add(name);
      cost = add(cost, selectionCost(walk, fragment.selectionSet, type, depth, fragmentPath));
      fragmentPath.delete(name);
    }
  }
  return cost;
}

function fieldCost(
  walk: Walk,
  node: FieldNode,
  parentType: GraphQLNamedType,
  depth: number,
  fragmentPath: Set<string>,
): Cost {
  if (node.alias !== undefined) walk.aliases++;
  if (node.name.value.startsWith('__')) return { perItem: 0, once: 0 };
  walk.depth = Math.max(walk.depth, depth);
  const field =
    isObjectType(parentType) || isInterfaceType(parentType)
      ? parentType.getFields()[node.name.value]
      : undefined;
  // A leaf is read off its parent, already in memory.
  if (field === undefined || node.selectionSet === undefined) return { perItem: 0, once: 0 };
  const children = selectionCost(walk, node.selectionSet, getNamedType(field.type), depth + 1, fragmentPath);
  // A connection's `first` already counted its edges: `edges` itself multiplies by nothing more.
  const multiplier =
    node.name.value === 'edges' && parentType.name.endsWith('Connection') ? 1 : listSize(walk, node, field);
  const isRoot = parentType === walk.schema.getRootType(walk.operation);
  const roundTrip =
    isRoot || BATCHED_FIELDS.has(`${parentType.name}.${node.name.value}`) ? ROUND_TRIP_COST : 0;
  return { perItem: multiplier * (OBJECT_COST + children.perItem), once: roundTrip + children.once };
}

/** How many items a field may return: its `first` argument, or the default for unbounded lists. */
function listSize(walk: Walk, node: FieldNode, field: GraphQLField<unknown, unknown>): number {
  const first = node.arguments?.find((argument) => argument.name.value === 'first');
  if (first !== undefined) return positiveInt(argumentValue(walk, first.value)) ?? walk.defaultListSize;
  const firstDefault = field.args.find((argument) => argument.name === 'first')?.defaultValue;
  if (firstDefault !== undefined) return positiveInt(firstDefault) ?? walk.defaultListSize;
  return isListType(getNullableType(field.type)) ? walk.defaultListSize : 1;
}

function argumentValue(walk: Walk, value: ValueNode): unknown {
  return valueFromASTUntyped(value, walk.variables as Record<string, unknown>);
}

function positiveInt(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? Math.max(value, 1) : null;
}

/** The errors (at most one per limit) an operation breaks, or none. */
export function checkQueryLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>> | null | undefined,
  limits: QueryLimits,
): GraphQLError[] {
  const measure = measureOperation(schema, document, operationName, variables, limits.defaultListSize);
  if (measure === null) return [];
  const errors: GraphQLError[] = [];
  const reject = (message: string, limit: string) =>
    errors.push(gatewayError('BAD_USER_INPUT', message, { extensions: { limit }, http: true }));
  if (measure.depth > limits.maxDepth) {
    reject(`Query is nested ${measure.depth} levels deep; the limit is ${limits.maxDepth}`, 'DEPTH');
  }
  if (measure.aliases > limits.maxAliases) {
    reject(`Query uses ${measure.aliases} aliases; the limit is ${limits.maxAliases}`, 'ALIASES');
  }
  if (measure.cost > limits.maxCost) {
    reject(`Query costs ${measure.cost}; the limit is ${limits.maxCost}`, 'COST');
  }
  return errors;
}
