/** Why a service call changed nothing. */
export const SERVICE_ERROR_CODES = ['NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'FORBIDDEN'] as const;
export type ServiceErrorCode = (typeof SERVICE_ERROR_CODES)[number];

export interface ServiceError {
  code: ServiceErrorCode;
  message: string;
  /** The input field at fault, for BAD_USER_INPUT. */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ServiceError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(
  code: ServiceErrorCode,
  message: string,
  field?: string,
): { ok: false; error: ServiceError } {
  return { ok: false, error: field === undefined ? { code, message } : { code, message, field } };
}
