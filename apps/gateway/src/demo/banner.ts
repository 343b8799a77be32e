// The embedded print-out's provider section: where the emulators listen, how to break a working demo
// connection (the emulators' fault control API) and repair an errored one from the IDE, and how to fix the
// demo organization's broken Exchange settings.
import type { EmbeddedGateway } from '../embedded.js';

export function demoProviderLines(embedded: EmbeddedGateway): string[] {
  const { emulators, provisioned, gateway, exchange } = embedded;
  const lines = [
    'Providers (offline emulators, state in memory; the demo accounts are re-created on every start):',
    `  Google       ${emulators.google.url}   GOOGLE_CALENDAR`,
    `  Microsoft    ${emulators.microsoft.url}   MICROSOFT_CALENDAR, MICROSOFT_TEAMS`,
    `  Zoom         ${emulators.zoom.url}   ZOOM (deauthorization webhook at /webhooks/zoom)`,
    `  Exchange     ${emulators.exchange.url}   EXCHANGE (EWS, healthy)`,
    `               ${emulators.exchangeExpired.url}   (EWS, certificate expired)`,
    `  ${provisioned.connections.length} demo connections use emulator accounts; ${exchange.length} organizations' Interop settings point at the EWS emulators.`,
  ];
  const healthyGoogle = provisioned.connections.find(
    (connection) =>
      connection.organizationId === gateway.demo.organizationId &&
      connection.provider === 'GOOGLE_CALENDAR' &&
      connection.fault === null,
  );
  lines.push(
    '',
    'Break a demo connection with the fault control API (an account is named by its id or email address):',
    `  ${emulators.google.url}/_control/accounts/<id or email>/faults     (Google)`,
    `  ${emulators.microsoft.url}/_control/accounts/<id or email>/faults     (Microsoft)`,
    `  ${emulators.zoom.url}/_control/accounts/<id or email>/faults     (Zoom)`,
  );
  if (healthyGoogle !== undefined) {
    const url = `${emulators.google.url}/_control/accounts/${healthyGoogle.accountEmail}/faults`;
    lines.push(
      `  e.g. revoke ${healthyGoogle.accountEmail}'s Google grant:`,
      `  curl -X POST ${url} -H 'content-type: application/json' -d '{"kind":"REVOKE_GRANT"}'`,
      '  The next probe (scheduled, or checkConnection in the IDE) sets it ERROR and disables the pages that',
      "  need it. DELETE the same URL clears the account's faults; a reconnect (startReconnect) heals it too.",
    );
    if (embedded.outbox !== null) {
      lines.push(
        `  Its owner's e-mail then arrives in ${new URL('/outbox', gateway.url).href} (also the mailOutbox query):`,
        '  open it and click its one-click reconnect link, in a browser on this machine.',
      );
    }
  }
  const errored = provisioned.reconnectable.find(
    (connection) => connection.organizationId === gateway.demo.organizationId,
  );
  if (errored !== undefined) {
    lines.push(
      '',
      `Try a reconnect: ${errored.accountEmail ?? errored.userEmail}'s ${errored.provider} grant is revoked; in the IDE run`,
      `  mutation { startReconnect(connectionId: "${errored.id}") { authorizationUrl } }`,
      '  then open the authorizationUrl with the same token (it binds the flow to your cookie jar), e.g.',
      `  curl -L -c jar -b jar -H 'Authorization: Bearer ${gateway.demo.adminToken}' '<authorizationUrl>'`,
      '  the emulator consents and the callback, seeing that jar, sets it CONNECTED again.',
    );
    if (embedded.outbox !== null) {
      lines.push(
        `  Or, on the first start (the outbox forgets on restart), open the e-mail ${errored.userEmail} was sent in`,
        `  ${new URL('/outbox', gateway.url).href} and click its reconnect link in a browser on this machine: the link is the credential.`,
      );
    }
  }
  const broken = exchange.find((org) => org.organizationId === gateway.demo.organizationId && !org.ok);
  if (broken !== undefined) {
    const { username, password } = emulators.exchange.credentials;
    lines.push(
      '',
      "Try fixing Exchange: the demo organization's Interop settings point at a server whose certificate has",
      '  expired (SSL error), so its EXCHANGE calendars are in ERROR. Test and save the healthy server (the',
      "  emulator's built-in demo role account, not a real secret):",
      `  mutation { testExchangeConnection(input: { ewsUrl: "${emulators.exchange.url}", roleAccount: "${username}", secret: "${password}" }, participant: "ben@acme.example", save: true) { ok steps { id status detail } } }`,
      '  Saving probes the EXCHANGE calendars at once: they turn CONNECTED and their pages take bookings again.',
    );
  }
  return lines;
}
