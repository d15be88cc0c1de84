import "server-only";
import { createHash } from "node:crypto";
import { ApiError } from "@/lib/server/http/api-error";

// Our side of "never charge twice" (docs/architecture.md#never-charge-twice): the Idempotency-Key a route
// demands, and the hash that tells a replay of the same request from a different one under that key.

export const IDEMPOTENCY_KEY_MAX = 255;

export function requireIdempotencyKey(value: string | null): string {
  const key = value?.trim();
  if (!key) {
    throw new ApiError(
      "IDEMPOTENCY_KEY_REQUIRED",
      "Send an Idempotency-Key header: one new key per payment attempt.",
    );
  }
  if (key.length > IDEMPOTENCY_KEY_MAX || !/^[\x21-\x7e]+$/.test(key)) {
    throw new ApiError("VALIDATION_ERROR", "The Idempotency-Key must be 1–255 visible ASCII characters.", {
      fields: [{ path: "Idempotency-Key", message: "1–255 visible ASCII characters" }],
    });
  }
  return key;
}

/** Hash of the validated request in a canonical form, so key order or spacing does not count as "different". */
export function requestHash(input: object): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === "object"
        ? Object.fromEntries(
            Object.entries(value as Record<string, unknown>)
              .filter(([, v]) => v !== undefined)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, v]) => [k, canonical(v)]),
          )
        : value;
  return createHash("sha256")
    .update(JSON.stringify(canonical(input)))
    .digest("hex");
}
