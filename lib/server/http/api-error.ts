import "server-only";

// The one error shape of docs/api.md#errors: { "error": { "code", "message", "fields"?, "retryable"? } }.

export type ApiErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "VALIDATION_ERROR"
  | "IDEMPOTENCY_KEY_REQUIRED"
  | "IDEMPOTENCY_KEY_REUSED"
  | "PAYMENT_DECLINED"
  | "DUPLICATE_REFERENCE"
  | "SESSION_NOT_OPEN"
  | "KEY_MODE_MISMATCH"
  | "PROVIDER_UNAVAILABLE"
  | "PROVIDER_NOT_CONFIGURED"
  | "PAYMENT_NOT_REFUNDABLE"
  | "REFUND_EXCEEDS_BALANCE"
  | "REFUND_NOT_SUPPORTED"
  | "PAYMENT_NOT_CANCELLABLE"
  | "CANCEL_NOT_SUPPORTED"
  | "RATE_LIMITED"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "METHOD_NOT_ALLOWED"
  | "SHIFT_ALREADY_OPEN"
  | "SHIFT_CLOSED"
  | "SERVICE_UNAVAILABLE"
  | "INTERNAL";

const STATUS: Record<ApiErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION_ERROR: 400,
  IDEMPOTENCY_KEY_REQUIRED: 400,
  IDEMPOTENCY_KEY_REUSED: 422,
  PAYMENT_DECLINED: 402,
  DUPLICATE_REFERENCE: 409,
  SESSION_NOT_OPEN: 409,
  KEY_MODE_MISMATCH: 401,
  PROVIDER_UNAVAILABLE: 502,
  PROVIDER_NOT_CONFIGURED: 422,
  PAYMENT_NOT_REFUNDABLE: 409,
  REFUND_EXCEEDS_BALANCE: 422,
  REFUND_NOT_SUPPORTED: 422,
  PAYMENT_NOT_CANCELLABLE: 409,
  CANCEL_NOT_SUPPORTED: 422,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  METHOD_NOT_ALLOWED: 405,
  SHIFT_ALREADY_OPEN: 409,
  SHIFT_CLOSED: 409,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
};

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  override name = "ApiError";
  readonly status: number;

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly extra: { fields?: FieldError[]; retryable?: boolean; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.status = STATUS[code];
  }

  toBody(): { error: { code: ApiErrorCode; message: string; fields?: FieldError[]; retryable?: boolean } } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.extra.fields ? { fields: this.extra.fields } : {}),
        ...(this.extra.retryable !== undefined ? { retryable: this.extra.retryable } : {}),
      },
    };
  }
}
