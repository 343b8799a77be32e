// Starts a reconnect and sends the browser through the provider's consent page; the gateway's callback brings it
// back to `returnPath` with `oauth=connected|error` in the query.
import { StartReconnectMutation, type TsunagiClient } from '@tsunagi/sdk';
import { consoleUrl } from './router.js';
import { openAuthorization } from './session.js';

export async function reconnect(
  client: TsunagiClient,
  token: string,
  connectionId: string,
  returnPath: string,
): Promise<void> {
  const { startReconnect } = await client.mutate(StartReconnectMutation, {
    connectionId,
    returnUrl: consoleUrl(returnPath),
  });
  await openAuthorization(startReconnect.authorizationUrl, token);
}
