import "server-only";
import { randomBytes } from "node:crypto";

// Prefixed, unguessable ids (architecture.md "Names"). 15 random bytes: collisions are not a concern.

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O or 1/I: references get read aloud

export function newPaymentId(): string {
  return `pay_${randomBytes(15).toString("base64url")}`;
}

/** A reference a cashier can read out: POS-XXXX-XXXX. */
export function newReference(): string {
  const bytes = randomBytes(8);
  const chars = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join("");
  return `POS-${chars.slice(0, 4)}-${chars.slice(4)}`;
}
