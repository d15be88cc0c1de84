import "server-only";
import { randomBytes } from "node:crypto";

// Prefixed, unguessable ids (docs/architecture.md#names). 15 random bytes: collisions are not a concern.

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O or 1/I: references get read aloud

export function newPaymentId(): string {
  return `pay_${randomBytes(15).toString("base64url")}`;
}

/** The key of a register payment's public return page: 24 random bytes (192 bits), never guessable. */
export function newReturnToken(): string {
  return randomBytes(24).toString("base64url");
}

function readable(length: number): string {
  return Array.from(randomBytes(length), (b) => ALPHABET[b % ALPHABET.length]).join("");
}

/** A reference a cashier can read out: POS-XXXX-XXXX. */
export function newReference(): string {
  const chars = readable(8);
  return `POS-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/**
 * The reference one attempt goes to the provider with. SplashPay refuses any reference it has ever seen
 * (docs/providers.md#splashpay-sandbox, S7), so a given one (the cashier's note, a checkout session's order number) gets a short
 * suffix per attempt there; PayGrid refuses only a live duplicate, so its references stay as given.
 */
export function attemptReference(provider: string, given: string | undefined): string {
  if (!given) return newReference();
  return provider === "splashpay" ? `${given}-${readable(4)}` : given;
}

/** A refund's id; also the Idempotency-Key its provider call carries, so every retry replays it. */
export function newRefundId(): string {
  return `rf_${randomBytes(15).toString("base64url")}`;
}
