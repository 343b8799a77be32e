/**
 * Removes anything that looks like a credential from text that may end up in logs or UIs.
 *
 * The regular expressions are linear and run only when a cheap pre-check says they can match; long
 * token runs are found by a single character scan. Inputs are first shortened with `safePrefix`, which
 * never splits a run of token characters, so a cut can never leave a short, unrecognisable piece of a
 * secret behind, and huge or hostile strings cost little.
 */

const MAX_SCRUB_INPUT = 2_000;
export const REDACTED = '[redacted]';
/** A run of token characters this long is treated as a secret (opaque tokens, base64, client secrets). */
export const MIN_SECRET_RUN = 32;

const BEARER = /\b(?:bearer|basic)\s+[A-Za-z0-9\-._~+/]+=*/gi;
const BEARER_HINT = /bearer|basic/i;
const JWT = /eyJ[A-Za-z0-9_-]{2,}(?:\.[A-Za-z0-9_-]*){1,2}/g;
// `access_token=…`, `"client_secret": "…"`, `password: …`, `key=…`: the value is redacted, the name kept.
const ASSIGNMENT =
  /(token|secret|password|passwd|assertion|key|code_verifier|signature|sig)("?'?\s{0,3}[:=]\s{0,3}"?'?)[^\s"'&,;<>]+/gi;
const ASSIGNMENT_HINT = /token|secret|passw|assertion|key|code_verifier|sig/i;

// Two overlapping alphabets: URL-safe text (`_-.~+=`; `/` splits it, which keeps URLs readable) and
// standard base64 (`+/`, whose `/` would otherwise cut a secret into short, harmless-looking pieces).
const URLSAFE = 1;
const BASE64 = 2;
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9+]/.test(ch)) CLASS[c] = URLSAFE | BASE64;
  else if ('_-.~='.includes(ch)) CLASS[c] = URLSAFE;
  else if (ch === '/') CLASS[c] = BASE64;
}

/** GUIDs (request, tenant, app ids) are identifiers, not credentials: they stay readable. */
function isGuid(text: string, start: number, end: number): boolean {
  if (end - start !== 36) return false;
  for (let i = 0; i < 36; i++) {
    const c = text.charCodeAt(start + i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 45) return false;
    } else if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70))) return false;
  }
  return true;
}

function isTokenChar(c: number): boolean {
  return c < 128 && (CLASS[c] ?? 0) !== 0;
}

/**
 * At most `max` characters from the start of `text`, moved back so the cut never falls inside a run
 * of token characters (the part after the cut is dropped entirely).
 */
export function safePrefix(text: string, max: number): string {
  if (text.length <= max) return text;
  let i = Math.max(0, max);
  while (i > 0 && isTokenChar(text.charCodeAt(i - 1)) && isTokenChar(text.charCodeAt(i))) i--;
  return i === 0 ? REDACTED : text.slice(0, i);
}

interface Scan {
  text: string;
  /** The text holds control characters or double spaces, so it still needs flattening. */
  ragged: boolean;
}

/**
 * Replaces every maximal run of URL-safe or of standard-base64 characters that is at least
 * MIN_SECRET_RUN long (GUIDs and words `keep` spares excepted); overlapping runs merge into one
 * `[redacted]`. Also notes whether the text needs flattening.
 */
function redactLongRuns(text: string, keep: ((run: string) => boolean) | undefined): Scan {
  const ranges: number[] = [];
  let ragged = false;
  let previous = 0;
  let urlStart = -1;
  let b64Start = -1;
  const close = (start: number, end: number, isUrl: boolean): void => {
    if (end - start < MIN_SECRET_RUN) return;
    if (isUrl && isGuid(text, start, end)) return;
    if (keep !== undefined && end - start < 64 && keep(text.slice(start, end))) return;
    if (!isUrl) while (end < text.length && text.charCodeAt(end) === 61 /* = */) end++;
    ranges.push(start, end);
  };
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    const cls = c < 128 ? (CLASS[c] ?? 0) : 0;
    if (cls === 0 && i < text.length) {
      if (c < 32 || c === 127 || c === 0x2028 || c === 0x2029 || (c === 32 && previous === 32)) ragged = true;
    }
    previous = c;
    if (cls & URLSAFE) {
      if (urlStart < 0) urlStart = i;
    } else if (urlStart >= 0) {
      close(urlStart, i, true);
      urlStart = -1;
    }
    if (cls & BASE64) {
      if (b64Start < 0) b64Start = i;
    } else if (b64Start >= 0) {
      close(b64Start, i, false);
      b64Start = -1;
    }
  }
  if (ranges.length === 0) return { text, ragged };
  const spans: [number, number][] = [];
  for (let i = 0; i < ranges.length; i += 2) spans.push([ranges[i] as number, ranges[i + 1] as number]);
  spans.sort((x, y) => x[0] - y[0]);
  let out = '';
  let cursor = 0;
  for (const [start, end] of spans) {
    if (end <= cursor) continue;
    if (start >= cursor) out += `${text.slice(cursor, start)}${REDACTED}`;
    cursor = end; // an overlapping span extends the redaction already written
  }
  return { text: out + text.slice(cursor), ragged };
}

const LONG_RUN = 1;
const RAGGED = 2;

/** Cheap pre-check: does the text hold a token run of MIN_SECRET_RUN+ characters, or need flattening? */
function quickScan(text: string): number {
  let flags = 0;
  let run = 0;
  let previous = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 && (CLASS[c] ?? 0) !== 0) {
      if (++run >= MIN_SECRET_RUN) flags |= LONG_RUN;
    } else {
      run = 0;
      if (c < 32 || c === 127 || c === 0x2028 || c === 0x2029 || (c === 32 && previous === 32))
        flags |= RAGGED;
    }
    previous = c;
  }
  return flags;
}

function scrub(text: string, limit: number, keep: ((run: string) => boolean) | undefined): Scan {
  let out = safePrefix(text, limit);
  if (BEARER_HINT.test(out)) out = out.replace(BEARER, REDACTED);
  if (out.includes('eyJ')) out = out.replace(JWT, REDACTED);
  if ((out.includes('=') || out.includes(':')) && ASSIGNMENT_HINT.test(out)) {
    out = out.replace(
      ASSIGNMENT,
      (_match: string, name: string, separator: string) => `${name}${separator}${REDACTED}`,
    );
  }
  const flags = quickScan(out);
  return (flags & LONG_RUN) === 0 ? { text: out, ragged: (flags & RAGGED) !== 0 } : redactLongRuns(out, keep);
}

/**
 * Replaces secrets with `[redacted]`: `Bearer`/`Basic` credentials, JWTs, values assigned to
 * token/secret/password/key-like names, and runs of 32+ token characters. `keep` may spare long runs
 * that are known vocabulary (e.g. `variableTermExpiredDailyExceeded`), never the other patterns.
 * At most the first 2,000 characters are kept.
 */
export function scrubSecrets(text: string, keep?: (run: string) => boolean): string {
  return scrub(text, MAX_SCRUB_INPUT, keep).text;
}

/** `scrubSecrets` then `oneLine`, sharing one scan: the hot path of every classification message. */
export function scrubToOneLine(text: string, max: number, keep?: (run: string) => boolean): string {
  const scanned = scrub(text, max + MIN_SECRET_RUN, keep);
  return scanned.ragged ? oneLine(scanned.text, max) : cut(scanned.text.trim(), max);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what we strip.
const NEEDS_FLATTENING = /[\u0000-\u001f\u007f\u2028\u2029]| {2}/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what we strip.
const CONTROL_OR_SPACES = /[\u0000-\u001f\u007f\u2028\u2029 ]{2,}|[\u0000-\u001f\u007f\u2028\u2029]/g;

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** One line, no control characters, at most `max` characters (an ellipsis marks a cut). */
export function oneLine(text: string, max: number): string {
  let flat = text.length > max * 4 ? text.slice(0, max * 4) : text;
  if (NEEDS_FLATTENING.test(flat)) flat = flat.replace(CONTROL_OR_SPACES, ' ');
  return cut(flat.trim(), max);
}
