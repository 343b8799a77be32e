// A small organization to act in: link accounts and break them through the state service (the provider
// adapters that would do it for real arrive later), and act as its people through GraphQL.
import type { ConnectionProvider, ProviderErrorClassificationLike, UserRole } from '@tsunagi/db';
import type { Role } from '../src/auth/token.js';
import {
  type Caller,
  type GraphQLResponse,
  REVOKED_GRANT,
  type TestGateway,
  value,
  ZOOM_GRANT_REVOKED,
} from './harness.js';

export const PAGE_FIELDS = /* GraphQL */ `
  fragment PageFields on BookingPage {
    id title slug state acceptingBookings enabled mode roundRobin stateChangedAt
    owner { id }
    members { id }
    locations { id type label value usable }
    reasons { kind user { id } connections { id provider status } }
    remediation { goal options { host { id } actions { kind provider connection { id } user { id } } } }
    eligibleHosts { id }
    warnings { kind users { id } memberCount message }
  }
`;

export interface PageView {
  id: string;
  title: string;
  slug: string;
  state: 'ACTIVE' | 'DISABLED_CONNECTION_ERROR' | 'INACTIVE';
  acceptingBookings: boolean;
  enabled: boolean;
  mode: string;
  roundRobin: boolean;
  stateChangedAt: string;
  owner: { id: string };
  members: { id: string }[];
  locations: { id: string; type: string; label: string | null; value: string | null; usable: boolean }[];
  reasons: {
    kind: string;
    user: { id: string } | null;
    connections: { id: string; provider: string; status: string }[];
  }[];
  remediation: {
    goal: string;
    options: {
      host: { id: string } | null;
      actions: {
        kind: string;
        provider: string | null;
        connection: { id: string } | null;
        user: { id: string } | null;
      }[];
    }[];
  }[];
  eligibleHosts: { id: string }[];
  warnings: { kind: string; users: { id: string }[]; memberCount: number; message: string }[];
}

const DEFAULT_FAILURE: Record<ConnectionProvider, ProviderErrorClassificationLike> = {
  GOOGLE_CALENDAR: REVOKED_GRANT,
  MICROSOFT_CALENDAR: REVOKED_GRANT,
  EXCHANGE: REVOKED_GRANT,
  ZOOM: ZOOM_GRANT_REVOKED,
  MICROSOFT_TEAMS: REVOKED_GRANT,
};

export class World<Name extends string> {
  private constructor(
    readonly t: TestGateway,
    readonly organizationId: string,
    readonly users: Record<Name, string>,
    private readonly roles: Partial<Record<Name, UserRole>>,
    private readonly providers = new Map<string, ConnectionProvider>(),
  ) {}

  static async create<const Names extends readonly string[]>(
    t: TestGateway,
    names: Names,
    roles: Partial<Record<Names[number], UserRole>> = {},
  ): Promise<World<Names[number]>> {
    const org = await t.organization(names, roles);
    return new World(t, org.organizationId, org.users, roles);
  }

  private get system() {
    return { organizationId: this.organizationId, role: 'SYSTEM' as const };
  }

  caller(name: Name, role?: Role): Caller {
    return {
      userId: this.users[name],
      organizationId: this.organizationId,
      role: role ?? this.roles[name] ?? 'MEMBER',
    };
  }

  async link(
    name: Name,
    provider: ConnectionProvider,
    account = `${name}-${provider.toLowerCase()}`,
  ): Promise<string> {
    const change = value(
      await this.t.state.createConnection(this.system, {
        userId: this.users[name],
        provider,
        accountExternalId: account,
        accountEmail: `${account}@example.test`,
      }),
    );
    this.providers.set(change.connection.id, provider);
    return change.connection.id;
  }

  /** A connection error as a probe would record it. */
  async fail(connectionId: string, classification?: ProviderErrorClassificationLike): Promise<void> {
    const provider = this.providers.get(connectionId) ?? 'GOOGLE_CALENDAR';
    value(
      await this.t.state.markConnectionError(
        this.system,
        connectionId,
        classification ?? DEFAULT_FAILURE[provider],
      ),
    );
  }

  /** What a completed reconnect flow records. */
  async reconnect(connectionId: string): Promise<void> {
    value(
      await this.t.state.markReconnected(this.system, connectionId, { accessToken: 'fresh-access-token' }),
    );
  }

  async request<T = Record<string, unknown>>(
    as: Name | Caller,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>> {
    return this.t.graphql<T>(query, { caller: typeof as === 'string' ? this.caller(as) : as, variables });
  }

  /** Runs an operation that must succeed and returns its data. */
  async run<T = Record<string, unknown>>(
    as: Name | Caller,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<T> {
    const response = await this.request<T>(as, query, variables);
    if (response.body.errors !== undefined || response.body.data == null) {
      throw new Error(`GraphQL failed (${response.status}): ${response.text}`);
    }
    return response.body.data;
  }

  async page(as: Name, id: string): Promise<PageView> {
    const data = await this.run<{ bookingPage: PageView }>(
      as,
      `query Page($id: ID!) { bookingPage(id: $id) { ...PageFields } } ${PAGE_FIELDS}`,
      { id },
    );
    return data.bookingPage;
  }

  async createPage(as: Name, input: Record<string, unknown>): Promise<PageView> {
    const data = await this.run<{ createBookingPage: PageView }>(
      as,
      `mutation Create($input: CreateBookingPageInput!) { createBookingPage(input: $input) { ...PageFields } } ${PAGE_FIELDS}`,
      { input },
    );
    return data.createBookingPage;
  }

  async mutatePage(as: Name, mutation: string, variables: Record<string, unknown>): Promise<PageView> {
    const data = await this.run<Record<string, PageView>>(as, `${mutation} ${PAGE_FIELDS}`, variables);
    const [page] = Object.values(data);
    if (page === undefined) throw new Error('The mutation returned no page');
    return page;
  }
}
