// The body of a message (Standard Webhooks' recommended shape: `type`, `timestamp`, `data`).
import type { EventsExpiredError, TsunagiEvent } from '@tsunagi/db';

/** The `type` of the message `sendTestWebhook` sends. */
export const TEST_MESSAGE_TYPE = 'WEBHOOK_TEST';

/** The `type` of the message that stands for events retention removed before the endpoint got them. */
export const EXPIRED_MESSAGE_TYPE = 'EVENTS_EXPIRED';

/**
 * An event as a receiver gets it. `data.eventId` is the event log's id: ordered per organization (commit
 * order), so a receiver can order what it got and resume; `webhook-id` names the message for de-duplication.
 */
export function eventMessageBody(event: TsunagiEvent): string {
  return JSON.stringify({
    type: event.type,
    timestamp: event.createdAt.toISOString(),
    data: {
      eventId: event.id,
      organizationId: event.organizationId,
      connectionId: event.connectionId,
      bookingPageId: event.bookingPageId,
      userId: event.userId,
      payload: event.payload,
    },
  });
}

export function testMessageBody(organizationId: string, endpointId: string, now: Date): string {
  return JSON.stringify({
    type: TEST_MESSAGE_TYPE,
    timestamp: now.toISOString(),
    data: { organizationId, endpointId },
  });
}

/**
 * Retention removed events after the endpoint's cursor before they were fanned out (it was disabled, or its
 * organization's log was swept while the dispatcher was down): the receiver is told of the gap in one message,
 * never handed the log with a silent hole. The events after `oldestCursor` follow as usual.
 */
export function expiredMessageBody(expired: EventsExpiredError, now: Date): string {
  return JSON.stringify({
    type: EXPIRED_MESSAGE_TYPE,
    timestamp: now.toISOString(),
    data: {
      organizationId: expired.organizationId,
      cursor: expired.cursor,
      oldestCursor: expired.oldestCursor,
      hint: 'events after cursor up to oldestCursor were removed by retention before delivery: re-read the current state (bookingPages, connections); the events after oldestCursor follow',
    },
  });
}
