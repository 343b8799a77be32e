// Exchange settings through GraphQL: the step-by-step test against the Exchange emulator over real TLS,
// what is stored (and when), the localized errors, roles and tenant isolation.
import type { ExchangeEmulator } from '@tsunagi/emulators';
import { describeClassification } from '@tsunagi/errors';
import { beforeAll, describe, expect, it } from 'vitest';
import { loopbackOnly, PARTICIPANT, useExchangeEmulators } from '../../test/exchange.js';
import { type Caller, codes, useTestGateway } from '../../test/harness.js';

const trustedCa: string[] = [];
const emulator = useExchangeEmulators(trustedCa);

const TEST = `mutation Test($input: ExchangeSettingsInput!, $participant: String!, $save: Boolean) {
  testExchangeConnection(input: $input, participant: $participant, save: $save) {
    ok
    steps { id status detail error { code title(locale: IT) remediation(locale: IT) } }
  }
}`;
const READ = `{ exchangeSettings { ewsUrl roleAccount applicationId status lastTestedAt
  lastReport { ok steps { id status error { code } } } } }`;
const SAVE = `mutation Save($input: ExchangeSettingsInput!) {
  saveExchangeSettings(input: $input) { ewsUrl roleAccount applicationId status lastTestedAt lastReport { ok } }
}`;

interface Report {
  ok: boolean;
  steps: {
    id: string;
    status: string;
    detail: string;
    error: { code: string; title: string; remediation: string } | null;
  }[];
}

describe('Exchange settings over GraphQL', () => {
  const t = useTestGateway('pglite', {
    gateway: { exchange: { trustedCa, resolveHost: loopbackOnly, timeoutMs: 5_000 } },
  });
  let admin: Caller;
  let member: Caller;
  let otherAdmin: Caller;
  let service: Caller;

  const inputFor = (e: ExchangeEmulator) => ({
    ewsUrl: e.url,
    roleAccount: e.credentials.username,
    secret: e.credentials.password,
  });

  beforeAll(async () => {
    const org = await t().organization(['ada', 'bo'] as const, { ada: 'ADMIN' });
    admin = { organizationId: org.organizationId, userId: org.users.ada, role: 'ADMIN' };
    member = { organizationId: org.organizationId, userId: org.users.bo, role: 'MEMBER' };
    service = { organizationId: org.organizationId, userId: 'svc_exchange', role: 'SERVICE' };
    const other = await t().organization(['cy'] as const, { cy: 'ADMIN' });
    otherAdmin = { organizationId: other.organizationId, userId: other.users.cy, role: 'ADMIN' };
  });

  it('a failing test (http://) returns the failed step in Italian and stores nothing', async () => {
    const e = await emulator({ tls: 'none' });
    const response = await t().graphql<{ testExchangeConnection: Report }>(TEST, {
      caller: admin,
      variables: { input: inputFor(e), participant: PARTICIPANT },
    });
    expect(response.body.errors).toBeUndefined();
    const report = response.body.data?.testExchangeConnection as Report;
    expect(report.ok).toBe(false);
    const failed = report.steps.find((s) => s.status === 'FAILED');
    expect(failed?.id).toBe('HTTPS');
    const expected = describeClassification(
      { code: 'TLS_ERROR', provider: 'google-interop', subReason: 'INTEROP_EWS_COMMUNICATION_ERROR' },
      'it',
    );
    expect(failed?.error?.title).toBe(expected.title);
    expect(failed?.error?.remediation).toBe(expected.remediation);
    expect(failed?.error?.remediation).toContain("inserisci HTTPS nell'URL del server Exchange");
    expect(report.steps.filter((s) => s.status === 'SKIPPED').length).toBeGreaterThan(0);
    expect(report.steps.filter((s) => s.status !== 'FAILED').every((s) => s.error === null)).toBe(true);

    const read = await t().graphql<{ exchangeSettings: unknown }>(READ, { caller: admin });
    expect(read.body.data?.exchangeSettings).toBeNull();
  });

  it('a failing test (expired certificate) with save: true stores the settings BROKEN', async () => {
    const e = await emulator({ tls: 'expired' });
    const response = await t().graphql<{ testExchangeConnection: Report }>(TEST, {
      caller: admin,
      variables: { input: inputFor(e), participant: PARTICIPANT, save: true },
    });
    const report = response.body.data?.testExchangeConnection as Report;
    expect(report.ok).toBe(false);
    const failed = report.steps.find((s) => s.status === 'FAILED');
    expect(failed?.id).toBe('TLS');
    expect(failed?.detail).toContain('expired');
    expect(failed?.error?.code).toBe('TLS_ERROR');
    expect(failed?.error?.remediation).toContain('non scaduto');

    const read = await t().graphql<{ exchangeSettings: Record<string, unknown> }>(READ, { caller: admin });
    const settings = read.body.data?.exchangeSettings;
    expect(settings?.status).toBe('BROKEN');
    expect(settings?.ewsUrl).toBe(e.url);
    expect(settings?.lastTestedAt).toEqual(expect.any(String));
    expect((settings?.lastReport as { ok: boolean }).ok).toBe(false);
  });

  it('a passing test against the valid emulator is saved OK and read back without the secret', async () => {
    const e = await emulator({ tls: 'valid' });
    const response = await t().graphql<{ testExchangeConnection: Report }>(TEST, {
      caller: admin,
      variables: { input: inputFor(e), participant: PARTICIPANT, save: true },
    });
    expect(response.body.errors).toBeUndefined();
    const report = response.body.data?.testExchangeConnection as Report;
    expect(report.ok).toBe(true);
    // Basic authentication with the role account: no application, so its step is skipped.
    expect(report.steps.map((s) => [s.id, s.status])).toEqual([
      ['URL_FORMAT', 'PASSED'],
      ['HTTPS', 'PASSED'],
      ['DNS', 'PASSED'],
      ['TCP', 'PASSED'],
      ['TLS', 'PASSED'],
      ['EWS_ENDPOINT', 'PASSED'],
      ['APPLICATION', 'SKIPPED'],
      ['CREDENTIALS', 'PASSED'],
      ['AVAILABILITY', 'PASSED'],
    ]);
    expect(report.steps.every((s) => s.error === null)).toBe(true);

    for (const caller of [admin, service]) {
      const read = await t().graphql<{ exchangeSettings: Record<string, unknown> }>(READ, { caller });
      expect(read.body.errors).toBeUndefined();
      expect(read.body.data?.exchangeSettings).toMatchObject({
        ewsUrl: e.url,
        roleAccount: e.credentials.username,
        applicationId: null,
        status: 'OK',
        lastReport: { ok: true },
      });
      expect(read.text).not.toContain(e.credentials.password);
    }
    // Sealed at rest too.
    const rows = await t().handle.db.query.exchangeSettings.findMany();
    expect(JSON.stringify(rows)).not.toContain(e.credentials.password);
  });

  it('saveExchangeSettings validates formats and stores UNTESTED', async () => {
    const base = {
      ewsUrl: 'https://mail.contoso.test/EWS/Exchange.asmx',
      roleAccount: 'role@contoso.test',
      secret: 's3cret',
    };
    for (const input of [
      { ...base, ewsUrl: 'mail.contoso.test/EWS/Exchange.asmx' },
      // The analyzer's URL rule (parseEwsUrl): credentials belong in the settings, never in the URL.
      { ...base, ewsUrl: 'https://role:s3cret@mail.contoso.test/EWS/Exchange.asmx' },
      { ...base, roleAccount: 'role' },
      // The state service's e-mail rule (isEmailAddress): the domain has a dot.
      { ...base, roleAccount: 'role@contoso' },
      { ...base, secret: 'x'.repeat(1025) },
      { ...base, ewsUrl: `https://mail.contoso.test/${'a'.repeat(2000)}` },
    ]) {
      const bad = await t().graphql(SAVE, { caller: admin, variables: { input } });
      expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    }
    const saved = await t().graphql<{ saveExchangeSettings: Record<string, unknown> }>(SAVE, {
      caller: admin,
      variables: { input: base },
    });
    expect(saved.body.errors).toBeUndefined();
    expect(saved.body.data?.saveExchangeSettings).toEqual({
      ewsUrl: base.ewsUrl,
      roleAccount: base.roleAccount,
      applicationId: null,
      status: 'UNTESTED',
      lastTestedAt: null,
      lastReport: null,
    });
  });

  it('a MEMBER (and a SERVICE token for mutations) gets FORBIDDEN', async () => {
    const input = {
      ewsUrl: 'https://mail.contoso.test/EWS/Exchange.asmx',
      roleAccount: 'a@b.test',
      secret: 'x',
    };
    expect(codes(await t().graphql(READ, { caller: member }))).toEqual(['FORBIDDEN']);
    expect(codes(await t().graphql(SAVE, { caller: member, variables: { input } }))).toEqual(['FORBIDDEN']);
    expect(
      codes(await t().graphql(TEST, { caller: member, variables: { input, participant: PARTICIPANT } })),
    ).toEqual(['FORBIDDEN']);
    expect(codes(await t().graphql(SAVE, { caller: service, variables: { input } }))).toEqual(['FORBIDDEN']);
  });

  it('another organization never sees the settings', async () => {
    const read = await t().graphql<{ exchangeSettings: unknown }>(READ, { caller: otherAdmin });
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data?.exchangeSettings).toBeNull();
    const mine = await t().graphql<{ exchangeSettings: unknown }>(READ, { caller: admin });
    expect(mine.body.data?.exchangeSettings).not.toBeNull();
  });
});
