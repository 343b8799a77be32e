// A Slack-compatible incoming-webhook receiver on 127.0.0.1: keeps every JSON body it is sent and answers
// like Slack (200 `ok`), or with the status a test asks for.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackPost {
  readonly path: string;
  readonly body: { text: string; blocks?: unknown[] };
}

export interface SlackReceiver {
  /** `http://127.0.0.1:<port>/services/<path>` for a webhook URL. */
  url(path?: string): string;
  readonly received: SlackPost[];
  /** The status the next answers get (200 by default). */
  answerWith(status: number): void;
  waitFor(count: number, timeoutMs?: number): Promise<SlackPost[]>;
  stop(): Promise<void>;
}

export async function startSlackReceiver(): Promise<SlackReceiver> {
  const received: SlackPost[] = [];
  let status = 200;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        received.push({ path: request.url ?? '', body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      } catch {
        response.writeHead(400).end('invalid_payload');
        return;
      }
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'no_service');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path = 'T000/B000/secret') => `http://127.0.0.1:${port}/services/${path}`,
    received,
    answerWith(next) {
      status = next;
    },
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`Expected ${count} Slack posts, got ${received.length}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return received.slice(0, count);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
