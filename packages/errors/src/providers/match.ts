import type { ErrorCode, Provider, SubReason } from '../vocabulary.js';

/** What one provider classifier found; `classify.ts` turns it into the public classification. */
export interface Match {
  code: ErrorCode;
  subReason?: SubReason;
  providerReason?: string;
  providerCode?: string;
  /** The provider's human message (raw; scrubbed before it reaches `message`). */
  detail?: string;
  /** A wait hint found in the body (EWS BackOffMilliseconds, Zoom daily reset…). */
  retryAfterSeconds?: number;
}

export interface ClassifyContext {
  provider: Provider | 'unknown';
  status?: number;
  headers: ReadonlyMap<string, string>;
  /** Reference time in ms; read lazily (most classifications never need it). */
  now(): number;
  endpoint?: string;
}

/** `[code, subReason?]` — the shape of every lookup table. */
export type Rule = readonly [ErrorCode, SubReason?];

export function fromRule(rule: Rule, fields: Omit<Match, 'code' | 'subReason'>): Match {
  const match: Match = { code: rule[0], ...fields };
  if (rule[1] !== undefined) match.subReason = rule[1];
  return match;
}

/** Every table key, so that the message scrubber can spare known vocabulary words. */
export const knownVocabulary = new Set<string>();

/**
 * A lookup table from a literal. A Map, so provider strings like `constructor` or `__proto__` can
 * never reach Object.prototype, and its keys join the known vocabulary.
 */
export function rules(table: Readonly<Record<string, Rule>>): ReadonlyMap<string, Rule> {
  const map = new Map(Object.entries(table));
  for (const key of map.keys()) knownVocabulary.add(key.toLowerCase());
  return map;
}
