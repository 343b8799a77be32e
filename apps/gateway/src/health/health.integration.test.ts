// organizationHealthReport over HTTP on both drivers: an administrator reads their organization's figures (a
// break and its reconnect counted, the disabled page's minutes), a member is refused, another organization
// sees none of it, and a period that ends before it starts is the caller's mistake.
import { expect, it } from 'vitest';
import { describeEachDriver, useTestGateway } from '../../test/harness.js';
import { World } from '../../test/world.js';

const REPORT = `query Health($since: DateTime!, $until: DateTime) {
  organizationHealthReport(since: $since, until: $until) {
    breaks unresolved pageDisabledMinutes
    detection { count averageSeconds medianSeconds maxSeconds }
    ownerNotified { count }
    reconnect { count maxSeconds }
  }
}`;

interface Report {
  organizationHealthReport: {
    breaks: number;
    unresolved: number;
    pageDisabledMinutes: number;
    detection: { count: number; averageSeconds: number | null };
    ownerNotified: { count: number };
    reconnect: { count: number; maxSeconds: number | null };
  };
}

describeEachDriver('organizationHealthReport (%s)', (driver) => {
  const t = useTestGateway(driver);

  it('answers admins with their own figures, refuses members and inverted periods', async () => {
    const since = new Date(Date.now() - 60_000).toISOString();
    const w = await World.create(t(), ['aiko', 'ren'], { aiko: 'ADMIN' });
    const connectionId = await w.link('ren', 'GOOGLE_CALENDAR');
    await w.createPage('aiko', { title: 'Ren page', ownerId: w.users.ren, memberIds: [w.users.ren] });
    await w.fail(connectionId);
    await w.reconnect(connectionId);
    const until = new Date(Date.now() + 60_000).toISOString();

    const { organizationHealthReport: report } = await w.run<Report>('aiko', REPORT, { since, until });
    expect(report).toMatchObject({
      breaks: 1,
      unresolved: 0,
      detection: { count: 1 },
      reconnect: { count: 1 },
    });
    // A conclusive failure: detected when it happened.
    expect(report.detection.averageSeconds).toBe(0);
    expect(report.reconnect.maxSeconds).toBeGreaterThanOrEqual(0);
    expect(report.pageDisabledMinutes).toBeGreaterThan(0);
    expect(report.pageDisabledMinutes).toBeLessThan(2);

    const member = await w.request('ren', REPORT, { since, until });
    expect(member.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(member.body.data ?? null).toBeNull();

    const other = await World.create(t(), ['hana'], { hana: 'ADMIN' });
    const theirs = await other.run<Report>('hana', REPORT, { since, until });
    expect(theirs.organizationHealthReport).toMatchObject({ breaks: 0, pageDisabledMinutes: 0 });

    const inverted = await w.request('aiko', REPORT, { since: until, until: since });
    expect(inverted.status).toBeLessThan(500);
    expect(inverted.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'until' });
  });
});
