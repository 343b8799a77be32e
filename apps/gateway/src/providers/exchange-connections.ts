// EXCHANGE connections through the organization's Interop settings: linking a mailbox (read once first, so
// a mailbox Exchange cannot read links nothing), and probing them all again when the settings change.
import { systemActor } from '@tsunagi/db';
import { isProviderError } from '@tsunagi/errors';
import { type ConnectionProbes, DEFAULT_PROBE_TIMEOUT_MS } from './connection-probes.js';
import { exchangeAccountId, probeExchangeMailbox } from './exchange.js';
import type { ProviderAccess } from './provider-access.js';
import { type ConnectExchangeRequest, fail, fromService, type ProviderResult } from './registry.js';

/** At most this many of an organization's mailboxes are probed at once by a recheck. */
const RECHECK_CONCURRENCY = 4;

export class ExchangeConnections {
  readonly #access: ProviderAccess;
  readonly #probes: ConnectionProbes;
  readonly #probeTimeoutMs: number;

  constructor(access: ProviderAccess, probes: ConnectionProbes, probeTimeoutMs?: number) {
    this.#access = access;
    this.#probes = probes;
    this.#probeTimeoutMs = probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  }

  /**
   * Links a user's Exchange mailbox: one availability lookup through the organization's Interop settings
   * first, so a mailbox Exchange cannot read is refused with the seed's reason and nothing is stored.
   */
  async connect(request: ConnectExchangeRequest): Promise<ProviderResult<{ connectionId: string }>> {
    const { exchange, db, logger, state } = this.#access;
    if (exchange === undefined) {
      return fail('PROVIDER_ERROR', 'No Exchange access is configured', { provider: 'EXCHANGE' });
    }
    const user = await db.query.users.findFirst({
      where: (t, { and, eq }) => and(eq(t.organizationId, request.organizationId), eq(t.id, request.userId)),
      columns: { email: true },
    });
    if (user === undefined) return fail('NOT_FOUND', 'User not found');
    const mailbox = (request.mailbox ?? user.email).trim();
    try {
      await probeExchangeMailbox(
        exchange,
        request.organizationId,
        mailbox,
        AbortSignal.timeout(this.#probeTimeoutMs),
      );
    } catch (error) {
      if (!isProviderError(error)) throw error;
      const { classification } = error;
      logger.warn(
        { provider: 'EXCHANGE', code: classification.code, reason: classification.subReason },
        'exchange mailbox could not be linked',
      );
      return fail(
        'PROVIDER_ERROR',
        `Exchange could not read the calendar of ${mailbox}: ${classification.message}`,
        { provider: 'EXCHANGE', reason: classification.subReason ?? classification.code },
      );
    }
    const created = await state.createConnection(systemActor(request.organizationId), {
      userId: request.userId,
      provider: 'EXCHANGE',
      accountExternalId: exchangeAccountId(mailbox),
      accountEmail: mailbox,
    });
    if (!created.ok) {
      return fromService(
        created.error,
        created.error.code === 'CONFLICT' ? 'ACCOUNT_ALREADY_LINKED' : undefined,
      );
    }
    return { ok: true, value: { connectionId: created.value.connection.id } };
  }

  /**
   * Probes every linked EXCHANGE connection of the organization now (after its Interop settings changed),
   * so fixed settings bring the pages back at once and broken ones stop them at once.
   */
  async recheck(organizationId: string): Promise<{ checked: number; healthy: number }> {
    if (this.#access.exchange === undefined) return { checked: 0, healthy: 0 };
    const linked = await this.#access.db.query.connections.findMany({
      where: (t, { and, eq, ne }) =>
        and(eq(t.organizationId, organizationId), eq(t.provider, 'EXCHANGE'), ne(t.status, 'DISCONNECTED')),
      columns: { id: true },
      orderBy: (t, { asc }) => [asc(t.id)],
    });
    let healthy = 0;
    const queue = [...linked];
    const worker = async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        const probed = await this.#probes.probe({
          organizationId,
          connectionId: next.id,
          provider: 'EXCHANGE',
        });
        if (probed.ok && probed.value.healthy) healthy += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(RECHECK_CONCURRENCY, linked.length) }, worker));
    return { checked: linked.length, healthy };
  }
}
