// A background loop's doorbell, for the workers that follow the event log (webhook and notification
// dispatchers): `wait` returns at once if poked since `clear`, else on the next poke or after `ms`.
export class Wakeup {
  #poked = false;
  #wake: (() => void) | null = null;

  poke(): void {
    this.#poked = true;
    this.#wake?.();
  }

  clear(): void {
    this.#poked = false;
  }

  async wait(ms: number): Promise<void> {
    if (this.#poked) return;
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve) => {
      this.#wake = resolve;
      timer = setTimeout(resolve, ms);
    });
    clearTimeout(timer);
    this.#wake = null;
  }
}
