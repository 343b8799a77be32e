import { describe, expect, it } from 'vitest';
import { classifyProviderError } from '../classify.js';
import { wireCases } from '../testing/index.js';
import { ERROR_CODES, type ErrorCode, PROVIDERS, SUB_REASONS, type SubReason } from '../vocabulary.js';
import { LOCALES } from './catalog.js';
import { CATALOGS, describeClassification, describeError } from './describe.js';

const INTEROP = SUB_REASONS.filter((s) => s.startsWith('INTEROP_'));

describe('describeError', () => {
  it('has a non-empty title and remediation for every code in every locale', () => {
    for (const locale of LOCALES) {
      for (const code of ERROR_CODES) {
        for (const provider of [undefined, ...PROVIDERS]) {
          const text = describeError(code, locale, { provider });
          expect(text.title.trim().length, `${locale} ${code}`).toBeGreaterThan(0);
          expect(text.remediation.trim().length, `${locale} ${code}`).toBeGreaterThan(0);
          expect(`${text.title} ${text.remediation}`).not.toMatch(/[{}]/);
        }
      }
    }
  });

  it('has specific text for every sub-reason in every locale', () => {
    for (const locale of LOCALES) {
      for (const subReason of SUB_REASONS) {
        const text = describeError('UNKNOWN', locale, { subReason });
        expect(text.title.length, `${locale} ${subReason}`).toBeGreaterThan(0);
        expect(text.remediation.length, `${locale} ${subReason}`).toBeGreaterThan(20);
        expect(`${text.title} ${text.remediation}`).not.toMatch(/[{}]/);
      }
    }
  });

  it('says something different for each Interop message, in all four languages', () => {
    for (const locale of LOCALES) {
      const remediations = INTEROP.map(
        (s) => describeError('MISCONFIGURED', locale, { subReason: s }).remediation,
      );
      expect(new Set(remediations).size).toBe(INTEROP.length);
      expect(remediations).not.toContain(CATALOGS[locale].codes.MISCONFIGURED.remediation);
    }
    expect(INTEROP).toHaveLength(11);
  });

  it('translates: no locale repeats the English text', () => {
    for (const locale of ['ja', 'it', 'pl'] as const) {
      for (const code of ERROR_CODES) {
        expect(describeError(code, locale).remediation).not.toBe(describeError(code, 'en').remediation);
      }
      for (const subReason of SUB_REASONS) {
        expect(describeError('UNKNOWN', locale, { subReason }).remediation).not.toBe(
          describeError('UNKNOWN', 'en', { subReason }).remediation,
        );
      }
    }
  });

  it('uses the seeds’ own terms', () => {
    const ja = describeError('AUTH_REVOKED', 'ja', { provider: 'zoom' });
    expect(ja.title).toContain('接続エラー');
    expect(ja.remediation).toMatch(/サービス連携一覧.*Zoom.*「詳細」.*再接続/);
    expect(ja.remediation).toContain('予約ページ');
    expect(describeError('AUTH_REVOKED', 'ja', { provider: 'google' }).remediation).toContain(
      'カレンダー・リソースアカウント',
    );

    const sslIt = describeError('TLS_ERROR', 'it', { subReason: 'INTEROP_SSL_ERROR' });
    expect(sslIt.remediation).toContain('certificato SSL');
    expect(
      describeError('MISCONFIGURED', 'it', { subReason: 'INTEROP_MALFORMED_URL' }).remediation,
    ).toContain('Console di amministrazione');
    expect(
      describeError('MISCONFIGURED', 'it', { subReason: 'INTEROP_CONNECTION_ERROR' }).remediation,
    ).toContain('URL del server Exchange');

    expect(describeError('AUTH_EXPIRED', 'pl').remediation).toContain('tokena odświeżania');
    expect(describeError('RATE_LIMITED', 'pl').remediation).toContain('wzrastającym czasem do ponowienia');
    expect(describeError('AUTH_REVOKED', 'pl').remediation).toContain('proces OAuth');
  });

  it('names the service and falls back safely', () => {
    expect(describeError('PROVIDER_UNAVAILABLE', 'en', { provider: 'zoom' }).title).toBe(
      'Zoom is temporarily unavailable',
    );
    expect(describeError('PROVIDER_UNAVAILABLE', 'en').title).toBe(
      'the connected service is temporarily unavailable',
    );
    expect(describeError('RATE_LIMITED', 'xx' as never)).toEqual(describeError('RATE_LIMITED', 'en'));
    expect(describeError('NOPE' as ErrorCode, 'ja')).toEqual(describeError('UNKNOWN', 'ja'));
    expect(
      describeError('RATE_LIMITED', 'it', { subReason: 'NOPE' as SubReason, provider: 'constructor' }),
    ).toEqual(describeError('RATE_LIMITED', 'it'));
  });

  it('describes every classification of the wire corpus in every locale', () => {
    for (const wire of wireCases) {
      const classification = classifyProviderError(
        wire.input,
        wire.now === undefined ? undefined : { now: wire.now },
      );
      for (const locale of LOCALES) {
        const text = describeClassification(classification, locale);
        expect(text.title.length).toBeGreaterThan(0);
        if (classification.subReason !== undefined) {
          expect(text).toEqual(
            describeError(classification.code, locale, { subReason: classification.subReason }),
          );
        }
      }
    }
  });
});

describe('failures only an administrator can fix', () => {
  // Graph MailboxNotEnabledForRESTAPI (https://learn.microsoft.com/graph/errors; OfficeDev/outlook-dev-docs#1031)
  // and AADSTS90072, a user missing from the tenant (Entra error code reference).
  const cases = [
    classifyProviderError({
      provider: 'microsoft',
      status: 404,
      body: '{"error":{"code":"MailboxNotEnabledForRESTAPI","message":"The mailbox is either inactive, soft-deleted, or is hosted on-premise."}}',
    }),
    classifyProviderError({
      provider: 'microsoft-identity',
      status: 400,
      body: '{"error":"invalid_grant","error_description":"AADSTS90072: User account does not exist in tenant.","error_codes":[90072]}',
    }),
    classifyProviderError({
      provider: 'zoom',
      status: 404,
      body: '{"code":1001,"message":"User does not exist."}',
    }),
  ];
  const ADMIN = { en: /administrator/i, ja: /管理者/, it: /amministratore/i, pl: /administrator/i } as const;

  it('name the admin as the fixer in every locale, and the action is theirs, not a reconnect', () => {
    for (const classification of cases) {
      expect(classification).toMatchObject({ action: 'FIX_CONFIGURATION', connectionBroken: true });
      for (const locale of LOCALES) {
        const text = describeClassification(classification, locale);
        expect(`${text.title} ${text.remediation}`).toMatch(ADMIN[locale]);
      }
    }
  });
});
