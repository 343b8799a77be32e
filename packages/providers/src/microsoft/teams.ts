// Teams meetings as a booking location: `POST /me/onlineMeetings/createOrGet` / `DELETE /me/onlineMeetings/{id}`
// on Graph v1.0.
import { randomUUID } from 'node:crypto';
import { ProviderError } from '@tsunagi/errors';
import type {
  AdapterContext,
  LocationProvider,
  NewMeeting,
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

  /**
   * `GET /me` proves the grant. onlineMeetings has no cheap read, so the scopes are checked on the token: a
   * Teams location without `OnlineMeetings.ReadWrite` can create no meeting, so the connection is broken
   * (INSUFFICIENT_SCOPE, from the 403 Graph answers `POST /me/onlineMeetings` with), not merely at risk.
   */
  async probe(signal?: AbortSignal): Promise<ProbeResult> {
    const account = await this.#connection.account(signal);
    const result = await this.#connection.probeResult(account, TEAMS_SCOPES);
    if (result.missingScopes.length > 0) {
      throw ProviderError.fromFailure({
        provider: 'microsoft',
        status: 403,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          error: {
            code: 'Forbidden',
            message: `Missing scope permissions on the request. API requires one of '${result.missingScopes.join("', '")}'. Scopes on the request '${result.grantedScopes.join(',')}'`,
          },
        }),
        endpoint: '/me/onlineMeetings',
      });
    }
    return result;
  }

  /**
   * `POST /me/onlineMeetings/createOrGet` with an externalId (the caller's, or one picked for this call): "If the
   * external ID already exists, this API will return the onlineMeeting object with that external ID"
   * (https://learn.microsoft.com/graph/api/onlinemeeting-createorget), so a replay after a lost answer gets the
   * meeting the first attempt made.
   */
  async createMeeting(meeting: NewMeeting, signal?: AbortSignal): Promise<OnlineMeeting> {
    const created = await this.#connection.call<GraphOnlineMeeting>(
      {
        method: 'POST',
        path: '/me/onlineMeetings/createOrGet',
        body: {
          externalId: meeting.clientRequestId ?? randomUUID(),
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
