// The list screen's relations, loaded before its tree resolves: every user and connection the listed pages
// refer to (owners, members, hosts, reasons, plan actions, warnings) in one batch of each, so the relation
// resolvers below find them settled and answer without a promise (Loaders.settled; issue 15 §3).
import type { BookingPageRow } from '@tsunagi/db';
import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';
import type { GatewayContext } from '../context.js';

/** Fields of BookingPage (and below) that read users or connections. */
const RELATION_FIELDS = new Set(['owner', 'members', 'eligibleHosts', 'reasons', 'remediation', 'warnings']);

export async function prefetchPageRelations(
  context: GatewayContext,
  pages: readonly BookingPageRow[],
  info: GraphQLResolveInfo,
): Promise<void> {
  if (pages.length === 0 || !selectsRelations(info)) return;
  const userIds = new Set<string>();
  const connectionIds = new Set<string>();
  for (const page of pages) {
    userIds.add(page.ownerId);
    for (const id of context.loaders.settled.memberIds.get(page.id) ?? []) userIds.add(id);
    for (const id of page.eligibleHostIds) userIds.add(id);
    for (const reason of page.reasons) {
      if (reason.userId != null) userIds.add(reason.userId);
      for (const id of reason.connectionIds) connectionIds.add(id);
    }
    for (const step of page.plan)
      for (const option of step.options) {
        if (option.hostId != null) userIds.add(option.hostId);
        for (const action of option.actions) {
          if (action.userId !== undefined) userIds.add(action.userId);
          if (action.connectionId !== undefined) connectionIds.add(action.connectionId);
        }
      }
    for (const warning of page.warnings) for (const id of warning.userIds) userIds.add(id);
  }
  await Promise.all([
    context.loaders.user.loadMany([...userIds]),
    context.loaders.connection.loadMany([...connectionIds]),
  ]);
}

/**
 * Whether this field's selection reaches a relation, answered once per parsed document: the field's AST node
 * is the same object for every request with that (cached) document.
 */
const reachesRelations = new WeakMap<FieldNode, boolean>();
function selectsRelations(info: GraphQLResolveInfo): boolean {
  // Merged fields (the same response key selected twice) can merge differently per request (@include).
  const key = info.fieldNodes.length === 1 ? info.fieldNodes[0] : undefined;
  if (key === undefined) return selectsAny(info, info.fieldNodes, RELATION_FIELDS);
  let answer = reachesRelations.get(key);
  if (answer === undefined) {
    answer = selectsAny(info, info.fieldNodes, RELATION_FIELDS);
    reachesRelations.set(key, answer);
  }
  return answer;
}

/** Whether the selection below `nodes` names any of `names` (through fragments too). */
function selectsAny(
  info: GraphQLResolveInfo,
  nodes: readonly FieldNode[],
  names: ReadonlySet<string>,
): boolean {
  const seen = new Set<string>();
  const visit = (selectionSet: SelectionSetNode | undefined): boolean => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (names.has(selection.name.value) || visit(selection.selectionSet)) return true;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (visit(selection.selectionSet)) return true;
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        if (visit(info.fragments[selection.name.value]?.selectionSet)) return true;
      }
    }
    return false;
  };
  return nodes.some((node) => visit(node.selectionSet));
}
