import type { ImpactChange } from '../impact.js';
import { removeLocationsForUnlinkedConnection } from '../remediation.js';
import type { BookingPageInput, ConnectionInput } from '../types.js';
import type { World } from './world.js';

/**
 * The ground truth: the world after the change, built the way the state service changes it (one unlink at a
 * time, each followed by its location removal over the user's pages), with nothing of the analyzer's.
 */
export function applyImpactChange(world: World, change: ImpactChange): World {
  if (change.kind !== 'CONNECTIONS') {
    const pages = world.pages.map((page): BookingPageInput => {
      if (page.id !== change.pageId) return page;
      switch (change.kind) {
        case 'REMOVE_MEMBER':
          return { ...page, memberIds: page.memberIds.filter((m) => m !== change.userId) };
        case 'CHANGE_OWNER':
          // The state service leaves a page alone when its owner is named again.
          if (page.ownerId === change.userId) return page;
          return {
            ...page,
            ownerId: change.userId,
            memberIds: page.memberIds.includes(change.userId)
              ? page.memberIds
              : [...page.memberIds, change.userId],
          };
        default:
          return { ...page, locations: page.locations.filter((l) => l.id !== change.locationId) };
      }
    });
    return { ...world, pages };
  }
  const { target, status } = change;
  const selected = (c: ConnectionInput) =>
    c.status !== 'DISCONNECTED' &&
    ('connectionIds' in target
      ? target.connectionIds.includes(c.id)
      : 'userId' in target
        ? c.userId === target.userId
        : c.provider === target.provider);
  let connections = [...world.connections];
  let pages = [...world.pages];
  for (const moved of world.connections.filter(selected)) {
    connections = connections.map((c) => (c.id === moved.id ? { ...c, status } : c));
    if (status !== 'DISCONNECTED') continue;
    const involved = pages.filter((p) => p.ownerId === moved.userId || p.memberIds.includes(moved.userId));
    const removal = removeLocationsForUnlinkedConnection({ ...moved, status }, involved, connections);
    for (const page of removal.pages) pages = pages.map((p) => (p.id === page.id ? page : p));
  }
  return { ...world, connections, pages };
}
