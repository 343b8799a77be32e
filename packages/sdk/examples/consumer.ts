// A consumer of the published package: imports only from '@tsunagi/sdk', built with `tsc --strict`
// (module nodenext) and run with Node. src/package.integration.test.ts installs the packed tarball into an
// empty project and runs this file against a live gateway; the README shows it and what it prints.
import {
  BookingPagesQuery,
  ConnectionAlertsQuery,
  createTsunagiClient,
  EventLogQuery,
  followEvents,
  type ResultOf,
  SetBookingPageEnabledMutation,
  type TsunagiEvent,
  type Types,
} from '@tsunagi/sdk';

const url = process.env.TSUNAGI_URL ?? 'http://127.0.0.1:4000/graphql';
const token = process.env.TSUNAGI_TOKEN;

// A closed vocabulary is a string union: a value the schema does not have is a compile error.
const active: Types.BookingPageState = 'ACTIVE';
// @ts-expect-error 'PAUSED' is not a BookingPageState
const notAState: Types.BookingPageState = 'PAUSED';
void notAState;

const tsunagi = createTsunagiClient({ url, token });
// followEvents reconnects after any failure but a client's mistake; a script gives up after a few.
const retries = {
  maxConsecutiveFailures: 3,
  onReconnect: ({ attempt, error }: { attempt: number; error: unknown }) =>
    console.error(`reconnecting (attempt ${attempt}):`, error),
} as const;

// A query.
const { connectionAlerts } = await tsunagi.query(ConnectionAlertsQuery);
console.log(
  `alerts: ${connectionAlerts.erroredConnections} connections in error, ${connectionAlerts.disabledBookingPages} pages disabled`,
);
const { bookingPages } = await tsunagi.query(BookingPagesQuery, { first: 50 });
const page = bookingPages.edges.find((edge) => edge.node.state === active)?.node;
if (!page) throw new Error('no ACTIVE booking page to toggle');

// Where the event log ends now: following from here sees exactly what happens next.
let cursor: string | null = null;
for (let more = true; more; ) {
  const { events }: ResultOf<typeof EventLogQuery> = await tsunagi.query(EventLogQuery, {
    after: cursor,
    first: 100,
  });
  cursor = events.pageInfo.endCursor ?? cursor;
  more = events.pageInfo.hasNextPage;
}

// A mutation, and a subscription (followEvents wraps the `events` subscription) that sees its event: it
// replays the log after `cursor`, so the event is delivered whether it committed before or after subscribing.
const { setBookingPageEnabled: disabled } = await tsunagi.mutate(SetBookingPageEnabledMutation, {
  pageId: page.id,
  enabled: false,
});
console.log(`mutation: "${page.title}" enabled=${disabled.enabled} state=${disabled.state}`);
// A page toggle records BOOKING_PAGE_UPDATED, then BOOKING_PAGE_STATE_CHANGED with the state it led to.
let last: TsunagiEvent | undefined;
for await (const event of followEvents(tsunagi, { after: cursor, ...retries })) {
  if (event.page?.id !== page.id) continue; // the log is the organization's: other pages' events too
  console.log(`event: ${event.type} ${event.pageState?.state}`);
  last = event;
  if (event.type === 'BOOKING_PAGE_STATE_CHANGED') break; // ends the subscription
}
if (!last) throw new Error('the subscription ended');

// A disconnect: the consumer goes away, keeping only the cursor of the last event it handled.
cursor = last.cursor;
await tsunagi.close();
console.log('disconnected');

// While it is away, the page is enabled again.
const other = createTsunagiClient({ url, token });
await other.mutate(SetBookingPageEnabledMutation, { pageId: page.id, enabled: true });
await other.close();

// A resume: a new connection follows from the saved cursor and gets what it missed, nothing twice.
const resumed = createTsunagiClient({ url, token });
for await (const event of followEvents(resumed, { after: cursor, ...retries })) {
  if (event.cursor === cursor) throw new Error('an event already handled came again');
  if (event.page?.id !== page.id) continue;
  console.log(`resumed: ${event.type} ${event.pageState?.state}`);
  if (event.type === 'BOOKING_PAGE_STATE_CHANGED') break;
}
await resumed.close();
