// Impact analysis for one organization: its pages and connections read in one read-only snapshot, then the
// engine's answer computed in memory. Nothing is written.
import { analyzeImpact, type ImpactChange, type ImpactResult } from '@tsunagi/booking-rules';
import { readOrganizationWorld } from '@tsunagi/db';
import type { GatewayServices } from '../context.js';

export async function analyzeOrganizationImpact(
  services: Pick<GatewayServices, 'database'>,
  organizationId: string,
  change: ImpactChange,
): Promise<ImpactResult> {
  const world = await readOrganizationWorld(services.database.db, organizationId);
  return analyzeImpact(world.pages, world.connections, change);
}
