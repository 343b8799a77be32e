// The embedded print-out's provider section: where the emulators listen and how to repair an errored demo
// connection from the IDE.
import type { EmbeddedGateway } from '../embedded.js';

export function demoProviderLines(embedded: EmbeddedGateway): string[] {
  const { emulators, provisioned, gateway } = embedded;
  const lines = [
    'Providers (offline emulators, state in memory; the demo accounts are re-created on every start):',
    `  Google       ${emulators.google.url}   GOOGLE_CALENDAR`,
    `  Microsoft    ${emulators.microsoft.url}   MICROSOFT_CALENDAR, MICROSOFT_TEAMS`,
    `  ${provisioned.connections.length} demo connections use emulator accounts; ZOOM and EXCHANGE have no emulator yet:`,
    '  their connections stay as seeded and checkConnection answers PROVIDER_ERROR.',
  ];
  const errored = provisioned.reconnectable.find(
    (connection) => connection.organizationId === gateway.demo.organizationId,
  );
  if (errored !== undefined) {
    lines.push(
      '',
      `Try a reconnect: ${errored.accountEmail ?? errored.userEmail}'s ${errored.provider} grant is revoked; in the IDE run`,
      `  mutation { startReconnect(connectionId: "${errored.id}") { authorizationUrl } }`,
      '  and open the authorizationUrl: the emulator consents and the callback sets it CONNECTED again.',
    );
  }
  return lines;
}
