// One key per payment attempt, made in the browser (docs/architecture.md#never-charge-twice).
// crypto.randomUUID exists only in secure contexts, and a shop's POS tablet often reaches Malipo over
// plain http on the local network; getRandomValues works everywhere.

export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // RFC 4122 version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
