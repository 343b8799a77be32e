import { describe, expect, it } from 'vitest';
import { type ProbeOutcome, ProbeScheduler, type ProbeTarget } from './scheduler.js';

function setup(options: {
  targets: ProbeTarget[];
  outcome?: (target: ProbeTarget) => ProbeOutcome;
  hold?: boolean;
}) {
  let now = 0;
  const probed: string[] = [];
  const release: (() => void)[] = [];
  const scheduler = new ProbeScheduler({
    listTargets: async () => options.targets,
    probe: async (target) => {
      probed.push(target.id);
      if (options.hold) await new Promise<void>((resolve) => release.push(resolve));
      return options.outcome?.(target) ?? {};
    },
    intervalMs: 60_000,
    jitter: 0.2,
    concurrencyPerProvider: 2,
    refreshMs: 1_000,
    clock: { now: () => now },
    random: () => 0.5,
  });
  return {
    scheduler,
    probed,
    advance: (ms: number) => {
      now += ms;
    },
    releaseAll: () => {
      for (const resolve of release.splice(0)) resolve();
    },
  };
}

const targets = (n: number, provider: ProbeTarget['provider'] = 'GOOGLE_CALENDAR'): ProbeTarget[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${provider}-${i}`, organizationId: 'org', provider }));

describe('ProbeScheduler', () => {
  it('probes each connection about once per interval, first at a jittered offset', async () => {
    const t = setup({ targets: targets(2) });
    await t.scheduler.tick(); // first slots at 0.5 × interval
    expect(t.probed).toEqual([]);
    t.advance(30_000);
    await t.scheduler.tick();
    await t.scheduler.idle();
    expect(t.probed.sort()).toEqual(['GOOGLE_CALENDAR-0', 'GOOGLE_CALENDAR-1']);
    t.advance(59_000);
    await t.scheduler.tick();
    expect(t.probed).toHaveLength(2);
    t.advance(1_000); // interval × (1 + 0.2 × (2·0.5 − 1)) = exactly one interval
    await t.scheduler.tick();
    await t.scheduler.idle();
    expect(t.probed).toHaveLength(4);
  });

  it('caps probes in flight per provider, not across providers', async () => {
    const t = setup({ targets: [...targets(5), ...targets(1, 'ZOOM')], hold: true });
    await t.scheduler.tick();
    t.advance(30_000);
    await t.scheduler.tick();
    expect(t.scheduler.stats().inFlight).toBe(3); // two Google (the cap) and the Zoom one
    t.releaseAll();
    await t.scheduler.idle();
    await t.scheduler.tick();
    expect(t.probed.filter((id) => id.startsWith('GOOGLE'))).toHaveLength(4);
    t.releaseAll();
    await t.scheduler.idle();
    await t.scheduler.tick();
    t.releaseAll();
    await t.scheduler.idle();
    expect(new Set(t.probed).size).toBe(6);
  });

  it("pauses a provider's probes for its Retry-After, leaving other providers alone", async () => {
    const t = setup({
      targets: [...targets(3), ...targets(2, 'MICROSOFT_CALENDAR')],
      outcome: (target) => (target.provider === 'GOOGLE_CALENDAR' ? { retryAfterSeconds: 120 } : {}),
    });
    await t.scheduler.tick();
    t.advance(30_000);
    await t.scheduler.tick();
    await t.scheduler.idle();
    expect(t.scheduler.stats().pausedProviders).toEqual(['GOOGLE_CALENDAR']);
    const googleBefore = t.probed.filter((id) => id.startsWith('GOOGLE')).length;
    expect(googleBefore).toBe(2); // the cap let two start before the pause
    await t.scheduler.tick();
    await t.scheduler.idle();
    expect(t.probed.filter((id) => id.startsWith('GOOGLE'))).toHaveLength(googleBefore);
    t.advance(121_000);
    await t.scheduler.tick();
    await t.scheduler.idle();
    expect(t.probed.filter((id) => id.startsWith('GOOGLE')).length).toBeGreaterThan(googleBefore);
  });

  it('forgets connections that disappear (unlinked) and picks up new ones', async () => {
    const list = targets(2);
    const t = setup({ targets: list });
    await t.scheduler.tick();
    list.splice(0, 1, { id: 'new', organizationId: 'org', provider: 'ZOOM' });
    t.advance(1_000);
    await t.scheduler.tick();
    expect(t.scheduler.stats().targets).toBe(2);
    t.advance(60_000);
    await t.scheduler.tick();
    await t.scheduler.idle();
    expect(t.probed.sort()).toEqual(['GOOGLE_CALENDAR-1', 'new']);
  });

  it('a failing probe is reported and does not stop the schedule', async () => {
    const errors: string[] = [];
    let now = 0;
    const scheduler = new ProbeScheduler({
      listTargets: async () => targets(1),
      probe: async () => {
        throw new Error('boom');
      },
      onError: (error) => errors.push((error as Error).message),
      intervalMs: 1_000,
      clock: { now: () => now },
      random: () => 0,
    });
    await scheduler.tick();
    await scheduler.idle();
    now += 1_000;
    await scheduler.tick();
    await scheduler.idle();
    expect(errors).toEqual(['boom', 'boom']);
  });
});
