// A member with a Google calendar linked through the real OAuth flow: what the reconnect-link and notification
// suites break and mend. Its own file: oauth.ts is imported by the harness, which world.ts imports.
import type { GoogleEmulator } from '@tsunagi/emulators';
import { expect } from 'vitest';
import { authorize, callback } from './oauth.js';
import { World } from './world.js';

/**
 * A new organization whose member `aiko` links Google Calendar through the real OAuth flow (an emulator account
 * with her address) and owns one booking page: what the reconnect-link and notification tests break and mend.
 */
export async function aikoWithGoogle(t: Parameters<typeof World.create>[0], google: GoogleEmulator) {
  const w = await World.create(t, ['aiko'], { aiko: 'MEMBER' });
  const user = await t.handle.db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, w.users.aiko) });
  const email = user?.email ?? '';
  const account = google.accounts.create({ email });
  const session = await w.run<{ connectAccount: { authorizationUrl: string } }>(
    'aiko',
    'mutation { connectAccount(provider: GOOGLE_CALENDAR) { authorizationUrl } }',
  );
  const done = await callback(await authorize(session.connectAccount.authorizationUrl));
  expect(done.status).toBe(200);
  const connectionId = String(done.body.connectionId);
  const page = await w.createPage('aiko', { title: 'Intro call' });
  return { w, email, account, connectionId, page };
}
