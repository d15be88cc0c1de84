import "server-only";

// Both providers take an Idempotency-Key of at most 255 characters; a key they would refuse is our bug,
// so it fails before any request leaves.

const IDEMPOTENCY_KEY_MAX = 255;

export function assertIdempotencyKey(key: string): void {
  if (key.length === 0 || key.length > IDEMPOTENCY_KEY_MAX) {
    throw new TypeError(`Idempotency-Key must be 1–${IDEMPOTENCY_KEY_MAX} characters`);
  }
}
