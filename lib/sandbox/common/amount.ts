// Sandbox money: amounts are kept as integer hundredths of the currency unit and cross the wire as JSON
// numbers or two-decimal strings, converted exactly.

/** Largest amount accepted (one trillion): keeps hundredths far inside the exact integer range of a double. */
const MAX_HUNDREDTHS = 1e14;

/** A JSON number with at most 2 decimals → hundredths; otherwise the problem in words (S5). */
export function parseJsonAmount(value: unknown, maxHundredths = MAX_HUNDREDTHS): number | string {
  if (value === undefined || value === null) return "is required";
  if (typeof value !== "number") return "must be a JSON number";
  if (!Number.isFinite(value) || value <= 0) return "must be greater than 0";
  // String(number) is the shortest text that round-trips, so it shows exactly the decimals the client sent.
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(value));
  if (!match) return "must have at most 2 decimal places";
  const hundredths = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  if (hundredths > maxHundredths) return "is too large";
  return hundredths;
}

/** Hundredths → the JSON number the provider answers with (5000, 12.5). */
export function toJsonAmount(hundredths: number): number {
  return Number(toFixedAmount(hundredths));
}

/** Hundredths → exactly two decimals ("1000.00"), as TANQR tag 54 wants. */
export function toFixedAmount(hundredths: number): string {
  const abs = Math.abs(hundredths);
  const text = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
  return hundredths < 0 ? `-${text}` : text;
}

/** `rate` of an amount in hundredths, rounded half-up to hundredths, without float drift (fees, margins). */
export function percentOf(amount: number, rate: number): number {
  const ppm = BigInt(Math.round(rate * 1_000_000));
  return Number((BigInt(amount) * ppm + 500_000n) / 1_000_000n);
}

/** ISO-8601 UTC without milliseconds, as the providers' examples write it (`2023-11-07T05:31:56Z`). */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}
