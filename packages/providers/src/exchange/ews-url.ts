// What an Exchange (EWS) URL must be, in one place: the analyzer's URL_FORMAT step reports against it and the
// gateway refuses to save settings that break it.
export type EwsUrlCheck =
  | { readonly ok: true; readonly url: URL }
  | { readonly ok: false; readonly problem: string };

/** An absolute http(s) URL that names a host and carries no credentials (they belong in the settings). */
export function parseEwsUrl(value: string): EwsUrlCheck {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { ok: false, problem: `"${value}" is not an absolute URL.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, problem: `The scheme ${url.protocol} is not http(s).` };
  }
  if (url.hostname === '' || url.username !== '' || url.password !== '') {
    return { ok: false, problem: 'The URL must name a host and carry no credentials.' };
  }
  return { ok: true, url };
}
