// A loopback TCP proxy in front of Postgres, to make the database unreachable on demand: `cut()` resets
// every open connection and every new one (clients see ECONNRESET, as when a failover or a network
// partition takes the server away), `restore()` lets connections through again. Nothing is emulated:
// bytes pass unchanged to the real server.
import { connect, createServer, type Server, type Socket } from 'node:net';

export class TcpProxy {
  readonly #server: Server;
  readonly #open = new Set<Socket>();
  #cut = false;

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
    const pair = [client, server];
    for (const socket of pair) {
      this.#open.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => {
        this.#open.delete(socket);
        for (const other of pair) if (other !== socket && !other.destroyed) other.destroy();
      });
    }
    client.pipe(server);
    server.pipe(client);
  }
}
