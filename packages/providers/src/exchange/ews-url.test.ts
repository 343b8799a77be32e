import { describe, expect, it } from 'vitest';
import { parseEwsUrl } from './ews-url.js';

describe('parseEwsUrl', () => {
  it.each([
    'https://mail.contoso.test/EWS/Exchange.asmx',
    ' http://10.0.0.5:8080/ews/exchange.asmx ',
  ])('accepts %s', (value) => {
    expect(parseEwsUrl(value)).toMatchObject({ ok: true, url: expect.any(URL) });
  });

  it.each([
    ['mail.contoso.test/EWS/Exchange.asmx', /not an absolute URL/],
    ['ftp://mail.contoso.test/EWS/Exchange.asmx', /scheme ftp: is not http\(s\)/],
    ['https://role:secret@mail.contoso.test/EWS/Exchange.asmx', /no credentials/],
  ])('refuses %s', (value, problem) => {
    const checked = parseEwsUrl(value);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? '' : checked.problem).toMatch(problem);
  });
});
