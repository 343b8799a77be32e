// A loopback TCP proxy in front of Postgres, to make the database unreachable on demand: `cut()` resets
// every open connection and every new one (clients see ECONNRESET, as when a failover or a network
// partition takes the server away), `restore()` lets connections through again; `cutWhenSent(bytes)`
// loses the connection at the worst moment, just after a statement reached the server and before its
// answer came back. Nothing is emulated: bytes pass unchanged to the real server.
import { connect, createServer, type Server, type Socket } from 'node:net';

export class TcpProxy {
  readonly #server: Server;
  readonly #open = new Set<Socket>();
  #cut = false;
  #trigger: { bytes: Buffer; thenUnreachable: boolean } | null = null;

  private constructor(server: Server) {
    this.#server = server;
  }

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const server = createServer();
    const proxy = new TcpProxy(server);
    server.on('connection', (client) => proxy.#accept(client, target));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return proxy;
  }

  get port(): number {
    const address = this.#server.address();
    if (address === null || typeof address === 'string') throw new Error('The proxy is not listening');
    return address.port;
  }

  /** `url` with its host and port replaced by the proxy's. */
  route(url: string): string {
    const routed = new URL(url);
    routed.hostname = '127.0.0.1';
    routed.port = String(this.port);
    return routed.toString();
  }

  /** The database becomes unreachable: open connections are reset, new ones reset at once. */
  cut(): void {
    this.#cut = true;
    for (const socket of this.#open) socket.resetAndDestroy();
    this.#open.clear();
  }

  restore(): void {
    this.#cut = false;
  }

  /**
   * The next time a client sends `text` (e.g. a query), forwards it to the server and then resets that
   * client's connection before any answer reaches it. Once; `thenUnreachable` also cuts everything.
   */
  cutWhenSent(text: string, options: { thenUnreachable?: boolean } = {}): void {
    this.#trigger = { bytes: Buffer.from(text), thenUnreachable: options.thenUnreachable ?? false };
  }

  /** Whether a `cutWhenSent` is still waiting for its text. */
  get armed(): boolean {
    return this.#trigger !== null;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #accept(client: Socket, target: { host: string; port: number }): void {
    if (this.#cut) {
      client.resetAndDestroy();
      return;
    }
    const server = connect(target.port, target.host);
    // Cuts reset the client's side; the server's side is ended, so what was already written to it
    // (the statement before a cut) still arrives.
    this.#open.add(client);
    client.on('close', () => {
      this.#open.delete(client);
      server.end();
    });
    server.on('close', () => client.end());
    for (const socket of [client, server]) socket.on('error', () => {});
    client.on('data', (chunk: Buffer) => {
      server.write(chunk);
      const trigger = this.#trigger;
      if (trigger !== null && chunk.includes(trigger.bytes)) {
        this.#trigger = null;
        if (trigger.thenUnreachable) this.cut();
        else client.resetAndDestroy();
      }
    });
    server.pipe(client);
  }
}
