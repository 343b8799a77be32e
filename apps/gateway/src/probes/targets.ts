// The connections probes cover: every linked (not DISCONNECTED) connection across organizations whose provider
// has an adapter. Read with the system's view of the database (no organization scope: the scheduler is not a caller).
import type { ConnectionProvider, Database } from '@tsunagi/db';
import type { ProbeTarget } from './scheduler.js';

export async function listProbeTargets(
  db: Database,
  providers: readonly ConnectionProvider[],
): Promise<ProbeTarget[]> {
  if (providers.length === 0) return [];
  return db.query.connections.findMany({
    where: (t, { and, inArray, ne }) =>
      and(ne(t.status, 'DISCONNECTED'), inArray(t.provider, [...providers])),
    columns: { id: true, organizationId: true, provider: true },
    orderBy: (t, { asc }) => [asc(t.id)],
  });
}
