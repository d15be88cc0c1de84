import { createHash } from "node:crypto";

// Idempotency records of a sandbox, kept per scope (API key + Idempotency-Key) for a configured TTL.

export const hashBody = (text: string): string => createHash("sha256").update(text).digest("hex");

/** The live record for `scope`, forgetting it (and saying so through `changed`) once its TTL has passed. */
export function liveIdempotencyRecord<R extends { createdAt: number }>(
  records: Map<string, R>,
  scope: string,
  ttlSeconds: number,
  now: number,
  changed: () => void,
): R | undefined {
  const record = records.get(scope);
  if (!record) return undefined;
  if (record.createdAt + ttlSeconds * 1000 <= now) {
    records.delete(scope);
    changed();
    return undefined;
  }
  return record;
}
