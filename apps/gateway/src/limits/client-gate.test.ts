import { describe, expect, it } from 'vitest';
import { ClientGates } from './client-gate.js';

describe('ClientGates', () => {
  it('lets `permits` turns run per client, queues the rest in order, and forgets idle clients', async () => {
    const gates = new ClientGates(1);
    const signal = new AbortController().signal;
    const first = await gates.acquire('a', signal);
    const other = await gates.acquire('b', signal);
    expect(first).not.toBeNull();
    expect(other).not.toBeNull();
    const order: string[] = [];
    const second = gates.acquire('a', signal).then((release) => {
      order.push('second');
      return release;
    });
    const third = gates.acquire('a', signal).then((release) => {
      order.push('third');
      return release;
    });
    await Promise.resolve();
    expect(order).toEqual([]);
    first?.();
    (await second)?.();
    (await third)?.();
    other?.();
    expect(order).toEqual(['second', 'third']);
    expect(gates.size).toBe(0);
  });

  it('stops waiting when the waiter is aborted, and a release counts once', async () => {
    const gates = new ClientGates(1);
    const held = await gates.acquire('a', new AbortController().signal);
    const controller = new AbortController();
    const waiting = gates.acquire('a', controller.signal);
    controller.abort();
    expect(await waiting).toBeNull();
    held?.();
    held?.();
    expect(gates.size).toBe(0);
  });
});
