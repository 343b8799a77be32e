// The emulator's own app registration, read app-only: the client credentials grant issues an application token
// (with the app permissions the emulator was started with), and `GET /v1.0/applications(appId='{appId}')`
// answers the registration with its `passwordCredentials` and `keyCredentials` (each with `endDateTime`), as
// Graph does for a caller granted Application.Read.All.
// https://learn.microsoft.com/en-us/graph/api/application-get (the `appId` key form and the permission);
// https://learn.microsoft.com/en-us/graph/api/resources/passwordcredential (endDateTime, the 3-character hint).
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { graphError, sendJson } from './wire.js';

export interface EmulatedAppCredential {
  readonly displayName?: string;
  /** The secret's first three characters (passwordCredentials only). */
  readonly hint?: string;
  readonly endDateTime: Date;
}

export interface EmulatedApplication {
  readonly displayName?: string;
  readonly passwordCredentials?: readonly EmulatedAppCredential[];
  readonly keyCredentials?: readonly EmulatedAppCredential[];
  /** Application permissions granted to the app (app-only tokens carry them as roles). */
  readonly appPermissions?: readonly string[];
}

export class ApplicationRegistry {
  readonly #clientId: string;
  readonly #application: EmulatedApplication;
  readonly #objectId = randomUUID();
  readonly #appTokens = new Map<string, { roles: readonly string[]; expiresAt: number }>();

  constructor(clientId: string, application: EmulatedApplication) {
    this.#clientId = clientId;
    this.#application = application;
  }

  /** The client credentials grant (the caller checked the client id and secret). */
  issueAppToken(scope: string | null, ttlSeconds: number): Record<string, unknown> | null {
    if (scope === null || !scope.split(' ').some((s) => s.endsWith('/.default'))) return null;
    const accessToken = `eyJ0eXAiOiJKV1QiApp.${randomBytes(24).toString('base64url')}`;
    this.#appTokens.set(accessToken, {
      roles: this.#application.appPermissions ?? [],
      expiresAt: Date.now() + ttlSeconds * 1000,
    });
    return {
      token_type: 'Bearer',
      expires_in: ttlSeconds,
      ext_expires_in: ttlSeconds,
      access_token: accessToken,
    };
  }

  /** Whether this request is the app-registration read; if so, it is answered. */
  handle(request: IncomingMessage, response: ServerResponse, method: string, path: string): boolean {
    const appId = /^\/applications\(appId='([^']*)'\)$/.exec(path)?.[1];
    if (appId === undefined) return false;
    const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
    const token = this.#appTokens.get(bearer);
    if (token === undefined || token.expiresAt < Date.now()) {
      graphError(
        response,
        401,
        'InvalidAuthenticationToken',
        'Access token validation failure. Invalid audience.',
      );
      return true;
    }
    if (method !== 'GET') {
      graphError(
        response,
        405,
        'Request_BadRequest',
        'Specified HTTP method is not allowed for the request target.',
      );
      return true;
    }
    if (
      !token.roles.some((role) => role === 'Application.Read.All' || role === 'Application.ReadWrite.All')
    ) {
      graphError(
        response,
        403,
        'Authorization_RequestDenied',
        'Insufficient privileges to complete the operation.',
      );
      return true;
    }
    if (appId !== this.#clientId) {
      graphError(
        response,
        404,
        'Request_ResourceNotFound',
        `Resource '${appId}' does not exist or one of its queried reference-property objects are not present.`,
      );
      return true;
    }
    const credential = (c: EmulatedAppCredential) => ({
      keyId: randomUUID(),
      displayName: c.displayName ?? null,
      endDateTime: c.endDateTime.toISOString().replace('.000Z', 'Z'),
      startDateTime: new Date(c.endDateTime.getTime() - 180 * 24 * 3_600_000)
        .toISOString()
        .replace('.000Z', 'Z'),
    });
    sendJson(response, 200, {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#applications/$entity',
      id: this.#objectId,
      appId: this.#clientId,
      displayName: this.#application.displayName ?? 'Tsunagi',
      passwordCredentials: (this.#application.passwordCredentials ?? []).map((c) => ({
        ...credential(c),
        hint: c.hint ?? null,
        secretText: null,
      })),
      keyCredentials: (this.#application.keyCredentials ?? []).map((c) => ({
        ...credential(c),
        type: 'AsymmetricX509Cert',
        usage: 'Verify',
      })),
    });
    return true;
  }
}
