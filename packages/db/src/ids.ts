import { randomUUID } from 'node:crypto';

/** Prefixes of the opaque ids, one per kind of row: `usr_5f0c…`. */
// `whe`: an outgoing webhook endpoint; `msg`: one message to it (its `webhook-id`); `rcl`: a reconnect link; `ntf`: a notification e-mail.
export type IdPrefix = 'org' | 'usr' | 'con' | 'pg' | 'loc' | 'oas' | 'key' | 'whe' | 'msg' | 'rcl' | 'ntf';

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomUUID().replaceAll('-', '')}`;
}
