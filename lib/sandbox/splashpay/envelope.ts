import { randomUUID } from "node:crypto";

// SplashPay's bodies (docs/providers.md#splashpay-endpoints): `{ status: "success", code, message, data, meta: [], request_id }`
// and `{ status: "error", code, message }` — or, with errorShape "legacy", the SDK fixtures'
// `{ success: false, code, message }` (S1). Errors never carry per-field detail (S3).

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

export const MESSAGES = {
  UNAUTHORIZED: "Invalid API credentials.",
  INVALID_REQUEST: "The request payload is invalid.",
  DUPLICATE_KEY: "A request with this Idempotency-Key has already been processed.",
  DUPLICATE_REFERENCE: "A payment with this reference already exists.",
  PAYMENT_NOT_FOUND: "Payment not found.",
  PAYMENT_NOT_CANCELLABLE: "This payment can no longer be cancelled.",
  PROVIDER_ERROR: "The payment provider is temporarily unavailable.",
  RATE_LIMITED: "Too many requests.",
  NOT_FOUND: "Not found.",
} as const;

export type ErrorShape = "status" | "legacy";

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

/** The success envelope as text, so a replay can repeat it byte for byte (S29). */
export function successText(code: string, message: string, data: unknown): string {
  return JSON.stringify({ status: "success", code, message, data, meta: [], request_id: randomUUID() });
}

/** A 200 whose body is already serialized (a stored first answer, S29). */
export function jsonText(text: string): Response {
  return new Response(text, { status: 200, headers: JSON_HEADERS });
}

export function success(code: string, message: string, data: unknown): Response {
  return jsonText(successText(code, message, data));
}

export function failure(
  shape: ErrorShape,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  const body = shape === "legacy" ? { success: false, code, message } : { status: "error", code, message };
  return json(status, body, headers);
}

/** A request body that must be a JSON object; undefined when it is not. */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === "object" && body !== null && !Array.isArray(body)) {
      return body as Record<string, unknown>;
    }
  } catch {
    // answered by the caller
  }
  return undefined;
}
