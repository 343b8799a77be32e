// The body of a message (Standard Webhooks' recommended shape: `type`, `timestamp`, `data`).
import type { TsunagiEvent } from '@tsunagi/db';

/** The `type` of the message `sendTestWebhook` sends. */
export const TEST_MESSAGE_TYPE = 'WEBHOOK_TEST';

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
