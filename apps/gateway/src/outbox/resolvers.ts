// `mailOutbox`: the embedded mail sink's messages the viewer may read, newest first.
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { forbidden, gatewayError } from '../errors.js';
import { checkFirst } from '../validation.js';

const MAX_PAGE = 100;

function parseOutboxCursor(value: string | null | undefined): number | null {
  if (value == null) return null;
  if (!/^[1-9][0-9]{0,14}$/.test(value))
    throw gatewayError('BAD_USER_INPUT', 'after is not a mail outbox cursor', { field: 'after' });
  return Number(value);
}

export const outboxResolvers: Resolvers = {
  Query: {
    mailOutbox: async (_parent, { first, after }, context) => {
      const running = context.services.mailOutbox;
      if (running === null) {
        throw gatewayError(
          'FEATURE_UNAVAILABLE',
          'The mail outbox runs only in embedded mode without SMTP_URL: this gateway sends mail to its SMTP server',
        );
      }
      if (context.viewer.role === 'SERVICE')
        throw forbidden('The mail outbox is read by people, not services');
      const page = { first: checkFirst(first ?? 20, MAX_PAGE), after: parseOutboxCursor(after) };
      const include = await running.visibleTo(context.viewer);
      const { messages, hasNextPage } = running.outbox.list({ ...page, include });
      return {
        edges: messages.map((message) => ({
          cursor: String(message.sequence),
          node: {
            id: message.id,
            to: [...message.to],
            subject: message.subject,
            language: message.language,
            text: message.text,
            html: message.html,
            receivedAt: message.receivedAt,
            links: [...message.links],
          },
        })),
        pageInfo: {
          endCursor: messages.length === 0 ? null : String(messages.at(-1)?.sequence),
          hasNextPage,
        },
      };
    },
  },
};
