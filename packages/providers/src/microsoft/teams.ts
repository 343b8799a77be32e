// Teams meetings as a booking location: `POST /me/onlineMeetings` / `DELETE /me/onlineMeetings/{id}` on Graph v1.0.
import { ProviderError } from '@tsunagi/errors';
import type {
  AdapterContext,
  LocationProvider,
  OnlineMeeting,
  ProbeResult,
  ProviderId,
} from '../contract.js';
import { GraphConnection, type MicrosoftGraphOptions, TEAMS_SCOPES } from './calendar.js';

interface GraphOnlineMeeting {
  id?: string;
  joinWebUrl?: string;
  joinUrl?: string;
}

export class TeamsMeetingProvider implements LocationProvider {
  readonly provider: ProviderId = 'MICROSOFT_TEAMS';
  readonly #connection: GraphConnection;

  constructor(context: AdapterContext, options: MicrosoftGraphOptions = {}) {
    this.#connection = new GraphConnection(context, options);
  }

  /** `GET /me` proves the grant; onlineMeetings has no cheap read, so the scope check says AT_RISK. */
  async probe(signal?: AbortSignal): Promise<ProbeResult> {
    const account = await this.#connection.account(signal);
    return this.#connection.probeResult(account, TEAMS_SCOPES);
  }

  async createMeeting(
    meeting: { subject: string; start: Date; end: Date },
    signal?: AbortSignal,
  ): Promise<OnlineMeeting> {
    const created = await this.#connection.call<GraphOnlineMeeting>(
      {
        method: 'POST',
        path: '/me/onlineMeetings',
        body: {
          subject: meeting.subject,
          startDateTime: meeting.start.toISOString(),
          endDateTime: meeting.end.toISOString(),
        },
      },
      signal,
    );
    const joinUrl = created?.joinWebUrl ?? created?.joinUrl;
    if (!created?.id || !joinUrl) {
      throw ProviderError.fromFailure({
        provider: 'microsoft',
        status: 502,
        body: JSON.stringify({
          error: { code: 'serviceNotAvailable', message: 'online meeting without a join URL' },
        }),
        endpoint: `${this.#connection.graph.root}/me/onlineMeetings`,
      });
    }
    return { id: created.id, joinUrl };
  }

  async deleteMeeting(id: string, signal?: AbortSignal): Promise<void> {
    await this.#connection.call(
      { method: 'DELETE', path: `/me/onlineMeetings/${encodeURIComponent(id)}` },
      signal,
    );
  }
}
