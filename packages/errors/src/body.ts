/** Reads a raw response body once: a single JSON.parse at most, plus cheap bounded scans. */

/** Only this much of a body is ever scanned with regular expressions. */
export const MAX_SCAN = 64 * 1024;
/** Bodies longer than this are not handed to JSON.parse (real error bodies are a few KiB). */
export const MAX_JSON = 256 * 1024;

export type JsonObject = Record<string, unknown>;
export type BodyKind = 'empty' | 'json' | 'html' | 'xml' | 'text';

export interface ReadBody {
  kind: BodyKind;
  /** The parsed object, or a synthetic one rebuilt from a truncated / invalid JSON body. */
  json?: JsonObject;
  /** The start of the body (at most MAX_SCAN characters) for text matching. */
  text: string;
}

export function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

const EMPTY: ReadBody = Object.freeze({ kind: 'empty', text: '' }) as ReadBody;

export function readBody(body: unknown): ReadBody {
  // Tolerate callers that already parsed the body.
  if (isRecord(body)) return { kind: 'json', json: body, text: '' };
  if (typeof body !== 'string' || body.length === 0) return EMPTY;
  let i = 0;
  while (i < body.length && i < 256 && body.charCodeAt(i) <= 32) i++;
  const first = body.charCodeAt(i);
  if (Number.isNaN(first)) return EMPTY;
  const text = body.length > MAX_SCAN ? body.slice(0, MAX_SCAN) : body;
  if (first === 123 /* { */) {
    if (body.length <= MAX_JSON) {
      try {
        const parsed: unknown = JSON.parse(body);
        if (isRecord(parsed)) return { kind: 'json', json: parsed, text };
      } catch {
        // Fall through: truncated or sloppy JSON (Google's own docs show trailing commas).
      }
    }
    const json = scanJsonFields(text);
    return json ? { kind: 'json', json, text } : { kind: 'text', text };
  }
  if (first === 60 /* < */) {
    const head = text.slice(i, i + 512).toLowerCase();
    const html = head.startsWith('<!doctype html') || head.startsWith('<html') || head.includes('<body');
    return { kind: html ? 'html' : 'xml', text };
  }
  return { kind: 'text', text };
}

const FIELD =
  /"(reason|status|code|error|error_description|message|location|@type)"\s*:\s*(?:"((?:[^"\\]|\\.){0,300})(?:"|$)|(-?\d{1,10}))/g;
const AADSTS_CODES = /"error_codes"\s*:\s*\[\s*(\d{1,10})/;

/**
 * Rebuilds the fields that matter from a body JSON.parse rejected, into the same shapes the
 * classifiers read: Google (`error.errors[].reason`), OAuth (`error` string), Graph (`error.code`
 * string) or Zoom (numeric `code`).
 */
export function scanJsonFields(text: string): JsonObject | undefined {
  const found: Record<string, string | number> = {};
  let matches = 0;
  FIELD.lastIndex = 0;
  for (let m = FIELD.exec(text); m !== null && matches < 64; m = FIELD.exec(text)) {
    matches++;
    const key = m[1] as string;
    if (key in found) continue;
    if (m[2] !== undefined) found[key] = m[2];
    else if (m[3] !== undefined) found[key] = Number(m[3]);
  }
  if (matches === 0) return undefined;
  const { reason, status, code, error, message, location } = found;
  if (typeof reason === 'string') {
    return {
      error: {
        code: typeof code === 'number' ? code : undefined,
        message,
        status,
        errors: [{ reason, location }],
        details:
          found['@type'] !== undefined ? [{ '@type': found['@type'], reason: found.reason }] : undefined,
      },
    };
  }
  if (typeof error === 'string') {
    const codes = AADSTS_CODES.exec(text);
    return {
      error,
      error_description: found.error_description ?? message,
      error_codes: codes ? [Number(codes[1])] : undefined,
    };
  }
  if (typeof code === 'string') return { error: { code, message } };
  if (typeof code === 'number') return { code, message };
  if (typeof status === 'string') return { error: { status, message } };
  return undefined;
}
