// At most `permits` of one client's subscriptions deliver at a time. A client that opens many replaying
// subscriptions (or stops reading its socket) then waits on itself, while every other client and the HTTP
// side keep the event loop and the database pool.

interface Gate {
  active: number;
  readonly waiting: (() => void)[];
}

export class ClientGates {
  readonly #gates = new Map<string, Gate>();

  constructor(readonly permits: number) {}

  /** Resolves with the function that gives the permit back, or null when `signal` aborted first. */
  acquire(client: string, signal: AbortSignal): Promise<(() => void) | null> {
    let gate = this.#gates.get(client);
    if (gate === undefined) {
      gate = { active: 0, waiting: [] };
      this.#gates.set(client, gate);
    }
    const held = gate;
    const release = () => {
      const next = held.waiting.shift();
      if (next !== undefined) {
        next();
        return;
      }
      held.active--;
      if (held.active === 0) this.#gates.delete(client);
    };
    if (signal.aborted) return Promise.resolve(null);
    if (held.active < this.permits) {
      held.active++;
      return Promise.resolve(once(release));
    }
    return new Promise((resolve) => {
      const granted = () => {
        signal.removeEventListener('abort', aborted);
        resolve(once(release));
      };
      const aborted = () => {
        const index = held.waiting.indexOf(granted);
        if (index >= 0) held.waiting.splice(index, 1);
        resolve(null);
      };
      held.waiting.push(granted);
      signal.addEventListener('abort', aborted, { once: true });
    });
  }

  /** Clients holding or waiting for permits (for tests and metrics). */
  get size(): number {
    return this.#gates.size;
  }
}

function once(release: () => void): () => void {
  let released = false;
  return () => {
    if (released) return;
    released = true;
    release();
  };
}
