/** Brand shared by every copy of this package (`Symbol.for`), so detection survives duplicates. */
export const OUTCOME_UNKNOWN_BRAND: unique symbol = Symbol.for('tsunagi.OutcomeUnknownError');

export interface OutcomeUnknownDetails {
  /** The adapter's provider id (`ZOOM`…). */
  readonly provider: string;
  /** What was attempted (`createMeeting`). */
  readonly operation: string;
  /** The caller's idempotency key: what to look for at the provider, or to retry with. */
  readonly clientRequestId: string;
}

/**
 * A write that may or may not have been committed: the request may have reached the provider, its answer was
 * lost, and no lookup could tell. Never retried blindly (that could duplicate the item); the caller reconciles
 * later with `clientRequestId` or asks a person. The failure that left it unknown is `cause`.
 */
export class OutcomeUnknownError extends Error {
  override readonly name = 'OutcomeUnknownError';
  readonly [OUTCOME_UNKNOWN_BRAND] = true as const;
  readonly provider: string;
  readonly operation: string;
  readonly clientRequestId: string;

  constructor(details: OutcomeUnknownDetails, options?: { cause?: unknown }) {
    super(
      `${details.provider} ${details.operation}: the request may have been committed, but its answer was lost`,
      options,
    );
    this.provider = details.provider;
    this.operation = details.operation;
    this.clientRequestId = details.clientRequestId;
  }
}

/** Recognises an OutcomeUnknownError by its brand, not `instanceof`. */
export function isOutcomeUnknownError(value: unknown): value is OutcomeUnknownError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { [OUTCOME_UNKNOWN_BRAND]?: unknown })[OUTCOME_UNKNOWN_BRAND] === true
  );
}
