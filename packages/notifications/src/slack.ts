// The Slack form of a message, for Slack-compatible incoming webhooks: a POST of JSON `{ text, blocks }`.
// `text` is the whole message in mrkdwn and is what notifications and clients without Block Kit show; `blocks`
// lay the same out as sections (https://api.slack.com/messaging/webhooks, "Sending messages using incoming
// webhooks": `text` is the fallback when `blocks` are given). mrkdwn needs only &, < and > escaped, and a link
// is `<url|label>` (https://api.slack.com/reference/surfaces/formatting#escaping).
import { type Block, layoutMessage, type NotificationMessage } from './messages.js';

export interface SlackPayload {
  readonly text: string;
  readonly blocks: readonly SlackBlock[];
}

export type SlackBlock =
  | { readonly type: 'header'; readonly text: { readonly type: 'plain_text'; readonly text: string } }
  | { readonly type: 'section'; readonly text: { readonly type: 'mrkdwn'; readonly text: string } }
  | { readonly type: 'divider' };

export function escapeMrkdwn(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function blockMrkdwn(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return escapeMrkdwn(block.text);
    case 'heading':
      return `*${escapeMrkdwn(block.text)}*`;
    case 'field':
      return `*${escapeMrkdwn(block.label)}:* ${escapeMrkdwn(block.value)}`;
    case 'list':
      return [`${escapeMrkdwn(block.label)}:`, ...block.items.map((item) => `• ${escapeMrkdwn(item)}`)].join(
        '\n',
      );
    case 'link':
      // `|` ends the URL part of a link: a URL holding one is percent-encoded there.
      return `<${escapeMrkdwn(block.url).replace(/\|/g, '%7C')}|${escapeMrkdwn(block.label)}>\n_${escapeMrkdwn(block.note)}_`;
  }
}

/** Block Kit caps a section's text at 3000 characters (https://api.slack.com/reference/block-kit/blocks#section). */
const SECTION_LIMIT = 3000;
/** A header's plain text at 150. */
const HEADER_LIMIT = 150;

const clip = (value: string, limit: number) =>
  value.length <= limit ? value : `${value.slice(0, limit - 1)}…`;

export function renderSlack(message: NotificationMessage): SlackPayload {
  const { subject, sections, intro } = layoutMessage(message);
  const digest = intro !== null;
  const parts = sections.map((section) => ({
    heading: section.subject,
    body: section.blocks.map(blockMrkdwn).join('\n'),
  }));
  const text = [
    `*${escapeMrkdwn(subject)}*`,
    ...(digest ? [escapeMrkdwn(intro)] : []),
    ...parts.map((part) => (digest ? `*${escapeMrkdwn(part.heading)}*\n${part.body}` : part.body)),
  ].join('\n\n');
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(subject, HEADER_LIMIT) } },
  ];
  if (digest) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(intro) } });
  for (const part of parts) {
    if (digest) blocks.push({ type: 'divider' });
    const body = digest ? `*${escapeMrkdwn(part.heading)}*\n${part.body}` : part.body;
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(body, SECTION_LIMIT) } });
  }
  return { text, blocks };
}
