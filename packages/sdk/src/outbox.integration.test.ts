// MailOutboxQuery against live gateways: one with the embedded mail outbox (demo data, whose seeded connection
// failures and risks are mailed at start) and one without it, which answers FEATURE_UNAVAILABLE.
import { createGateway, type Gateway, gatewayConfig } from '@tsunagi/gateway';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createTsunagiClient, isTsunagiClientError, type TsunagiClient } from './client.js';
import { ViewerQuery } from './operations/dashboard.js';
import { MailOutboxQuery } from './operations/outbox.js';

let withOutbox: Gateway;
let without: Gateway;
let admin: TsunagiClient;

beforeAll(async () => {
  [withOutbox, without] = await Promise.all([
    createGateway(gatewayConfig(), { seedDemo: true, mailOutbox: true }),
    createGateway(gatewayConfig(), { seedDemo: true }),
  ]);
  admin = createTsunagiClient({ url: withOutbox.url, token: withOutbox.demo!.adminToken });
}, 60_000);

afterAll(async () => {
  await admin?.close();
  await Promise.all([withOutbox?.stop(), without?.stop()]);
});

it("reads the demo organization's notification e-mail, newest first, with its links", async () => {
  const { mailOutbox } = await vi.waitFor(
    async () => {
      const data = await admin.query(MailOutboxQuery, { first: 2 });
      if (data.mailOutbox.edges.length < 2) throw new Error('the seeded failures are not mailed yet');
      return data;
    },
    { timeout: 20_000, interval: 100 },
  );
  const { viewer } = await admin.query(ViewerQuery);
  const domain = viewer.email.split('@')[1];
  const [newer, older] = mailOutbox.edges.map((edge) => edge.node);
  expect(Date.parse(newer!.receivedAt)).toBeGreaterThanOrEqual(Date.parse(older!.receivedAt));
  for (const mail of [newer!, older!]) {
    expect(mail.to.every((address) => address.endsWith(`@${domain}`))).toBe(true);
    // A seeded failure (stopped) or a seeded risk (will stop soon), in the recipient's language.
    expect(mail.subject).toMatch(
      /stopped working|will stop working soon|停止しました|まもなく停止します|smesso di funzionare|smetterà|przestało działać|wkrótce przestanie działać/,
    );
    expect(mail.html).toContain(`<html lang="${mail.language}">`);
  }
  expect(mailOutbox.pageInfo.endCursor).toBe(mailOutbox.edges[1]?.cursor);
});

it('gets FEATURE_UNAVAILABLE from a gateway without the outbox', async () => {
  const client = createTsunagiClient({ url: without.url, token: without.demo!.adminToken });
  try {
    const error = await client.query(MailOutboxQuery).catch((caught: unknown) => caught);
    expect(isTsunagiClientError(error) && error.code).toBe('FEATURE_UNAVAILABLE');
  } finally {
    await client.close();
  }
});
