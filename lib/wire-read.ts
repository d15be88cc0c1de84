import type { Payment } from "@/lib/api-contract";

// Browser code reads its own server's JSON. The server builds every answer from the zod schemas in
// lib/api-contract.ts (and its tests check them), so here a shape check of the fields the screen keys
// on is enough: zod stays on the server and off every page a tablet or phone downloads.

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `value` as T when it is an object whose `stringKeys` are strings; null otherwise. */
export function wireObject<T>(value: unknown, stringKeys: readonly string[]): T | null {
  if (!isRecord(value)) return null;
  return stringKeys.every((key) => typeof value[key] === "string") ? (value as T) : null;
}

/** As wireObject, but an answer of the wrong shape is an error (as a failed schema parse was). */
export function readWire<T>(value: unknown, stringKeys: readonly string[], what: string): T {
  const read = wireObject<T>(value, stringKeys);
  if (read === null) throw new Error(`the server's answer is not a ${what}`);
  return read;
}

/** A list answer ({ data: [...] }) whose items each pass wireObject; null otherwise. */
export function wireList<T>(value: unknown, stringKeys: readonly string[]): T[] | null {
  if (!isRecord(value) || !Array.isArray(value.data)) return null;
  const items = value.data.map((item) => wireObject<T>(item, stringKeys));
  return items.every((item) => item !== null) ? (items as T[]) : null;
}

const PAYMENT_KEYS = ["id", "status", "provider", "method", "amount", "currency"] as const;

/** A payment answer or frame; null when it does not look like one (the caller reads again). */
export function wirePayment(value: unknown): Payment | null {
  return wireObject<Payment>(value, PAYMENT_KEYS);
}

export function readPayment(value: unknown): Payment {
  return readWire<Payment>(value, PAYMENT_KEYS, "payment");
}
