// One way in for HTTP requests and WebSocket connections alike: a verified token naming a live user
// (or a service) of an existing organization, or UNAUTHENTICATED.
import { createContext, type GatewayContext, type GatewayServices } from '../context.js';
import { databaseUnavailableError, gatewayError } from '../errors.js';
import type { Logger } from '../ops/logger.js';
import { bearerToken, type JwtSettings, TokenError, type VerifiedToken, verifyTokenExpiry } from './token.js';

export async function authenticate(
  services: GatewayServices,
  jwt: JwtSettings,
  authorization: string | undefined | null,
  requestId: string,
  log: Logger,
): Promise<GatewayContext> {
  const { viewer } = await verifyAuthorization(jwt, authorization);
  try {
    return await createContext(services, viewer, requestId, log);
  } catch (error) {
    // Ends the request before execution: typed here, or Apollo would answer 500.
    throw databaseUnavailableError(error, { http: true }) ?? error;
  }
}

/** The verified token of an `Authorization` value, or UNAUTHENTICATED (missing, malformed, forged, expired). */
export async function verifyAuthorization(
  jwt: JwtSettings,
  authorization: string | undefined | null,
): Promise<VerifiedToken> {
  try {
    const token = bearerToken(authorization);
    if (token === null) {
      throw gatewayError('UNAUTHENTICATED', 'Send Authorization: Bearer <token>', { http: true });
    }
    return await verifyTokenExpiry(token, jwt);
  } catch (error) {
    if (error instanceof TokenError) throw gatewayError('UNAUTHENTICATED', error.message, { http: true });
    throw error;
  }
}
