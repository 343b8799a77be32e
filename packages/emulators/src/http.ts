// Request-body and OAuth redirect helpers shared by the emulators.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The request body as text; larger than `limit` bytes rejects (an emulator never needs big bodies). */
export async function readText(request: IncomingMessage, limit = 1_000_000): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new Error('body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Parsed JSON, or undefined for an empty or malformed body (the caller answers the provider's 400). */
export function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** The value as a plain record, or an empty one. */
export function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** An authorization request's redirect URI is acceptable: one of `registered`, or any http(s) URI without them. */
export function redirectAllowed(registered: readonly string[] | undefined, redirectUri: string): boolean {
  return registered ? registered.includes(redirectUri) : /^https?:\/\/[^\s]+$/.test(redirectUri);
}

/**
 * The way back from an authorization request (RFC 6749 §4.1.2): 302 to `redirectUri` carrying `state`, with
 * either the issued `code` or an `error` and its description.
 */
export function authorizationRedirect(response: ServerResponse, redirectUri: string, state: string | null) {
  const back = new URL(redirectUri);
  if (state !== null) back.searchParams.set('state', state);
  const send = (params: Record<string, string>) => {
    for (const [name, value] of Object.entries(params)) back.searchParams.set(name, value);
    response.writeHead(302, { location: back.toString() });
    response.end();
  };
  return {
    code: (code: string) => send({ code }),
    fail: (error: string, description: string) => send({ error, error_description: description }),
  };
}
