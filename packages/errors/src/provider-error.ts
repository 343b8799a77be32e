import { classifyProviderError } from './classify.js';
import type { ClassifyOptions, ProviderErrorClassification, ProviderFailureInput } from './types.js';

/** Brand shared by every copy of this package (`Symbol.for`), so detection survives duplicates. */
export const PROVIDER_ERROR_BRAND: unique symbol = Symbol.for('tsunagi.ProviderError');

/** An error that carries its classification (and keeps the original failure as `cause`). */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  readonly [PROVIDER_ERROR_BRAND] = true as const;
  readonly classification: ProviderErrorClassification;

  constructor(classification: ProviderErrorClassification, options?: { cause?: unknown; message?: string }) {
    super(
      options?.message ?? classification.message,
      options !== undefined && 'cause' in options ? { cause: options.cause } : undefined,
    );
    this.classification = classification;
  }

  /** Classifies a failure and wraps it in one step. */
  static fromFailure(
    input: ProviderFailureInput,
    options?: ClassifyOptions & { cause?: unknown },
  ): ProviderError {
    const classification = classifyProviderError(input, options);
    return new ProviderError(
      classification,
      options && 'cause' in options ? { cause: options.cause } : undefined,
    );
  }
}

/** Recognises a ProviderError by its brand, not `instanceof` (two package copies break instanceof). */
export function isProviderError(value: unknown): value is ProviderError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { [PROVIDER_ERROR_BRAND]?: unknown; classification?: unknown };
  return (
    candidate[PROVIDER_ERROR_BRAND] === true &&
    typeof candidate.classification === 'object' &&
    candidate.classification !== null
  );
}
