import { randomUUID } from 'node:crypto';

/** Prefixes of the opaque ids, one per kind of row: `usr_5f0c…`. */
export type IdPrefix = 'org' | 'usr' | 'con' | 'pg' | 'loc' | 'oas' | 'key';

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomUUID().replaceAll('-', '')}`;
}
