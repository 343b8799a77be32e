import { randomUUID } from 'node:crypto';

/** Prefixes of the opaque ids, one per kind of row: `usr_5f0c…`. */
// `whe`: an outgoing webhook endpoint; `msg`: one message to it (its `webhook-id`); `rcl`: a reconnect link; `ntf`: a notification item; `ntm`: a notification message (e-mail or Slack post).
export type IdPrefix =
  | 'org'
  | 'usr'
  | 'con'
  | 'pg'
  | 'loc'
  | 'oas'
  | 'key'
  | 'whe'
  | 'msg'
  | 'rcl'
  | 'ntf'
  | 'ntm';

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomUUID().replaceAll('-', '')}`;
}
