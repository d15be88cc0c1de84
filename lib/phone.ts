// Tanzanian phone numbers and mobile-money networks (docs/providers.md#paygrid-phones; S8–S10 in docs/providers.md#paygrid-sandbox).
// Universal: the cashier's form normalizes as the cashier types, and the server checks the same way.

export const NETWORKS = ["vodacom", "tigo", "airtel", "halotel", "ttcl"] as const;
export type Network = (typeof NETWORKS)[number];

export const NETWORK_LABELS: Record<Network, string> = {
  vodacom: "Vodacom M-Pesa",
  tigo: "Mixx by Yas (Tigo Pesa)",
  airtel: "Airtel Money",
  halotel: "HaloPesa",
  ttcl: "T-Pesa",
};

const ALIASES: Record<string, Network> = { mpesa: "vodacom", "m-pesa": "vodacom", mixx: "tigo" };

// The operator is not documented by PayGrid; this is the widely used prefix table it is believed to use.
export const NETWORK_PREFIXES: Readonly<Record<string, Network>> = {
  "74": "vodacom",
  "75": "vodacom",
  "76": "vodacom",
  "65": "tigo",
  "67": "tigo",
  "71": "tigo",
  "68": "airtel",
  "69": "airtel",
  "78": "airtel",
  "62": "halotel",
  "63": "halotel",
  "73": "ttcl",
};

/** Removes the formatting PayGrid strips: "+", spaces and dashes (nothing else). */
export function stripPhone(input: string): string {
  return input.replace(/[+\s-]/g, "");
}

/** 0712345678, 712345678, 255712345678 and +255 712-345-678 → "255712345678"; null when not a TZ mobile. */
export function normalizeTzPhone(input: string): string | null {
  const digits = stripPhone(input);
  if (!/^\d+$/.test(digits)) return null;
  let normalized: string;
  if (digits.length === 12 && digits.startsWith("255")) normalized = digits;
  else if (digits.length === 10 && digits.startsWith("0")) normalized = `255${digits.slice(1)}`;
  else if (digits.length === 9) normalized = `255${digits}`;
  else return null;
  return /^255[67]\d{8}$/.test(normalized) ? normalized : null;
}

/**
 * The network a normalized TZ number's prefix names, or null when the prefix is not in the table: a
 * guess would be sent to PayGrid as fact and stop its own detection, so an unknown prefix stays
 * "not detected" and the cashier picks (or PayGrid detects).
 */
export function detectNetwork(normalized: string): Network | null {
  return NETWORK_PREFIXES[normalized.slice(3, 5)] ?? null;
}

/** Case-insensitive, with the documented aliases (mpesa → vodacom, mixx → tigo); unknown → null. */
export function canonicalNetwork(input: string): Network | null {
  const value = input.trim().toLowerCase();
  if ((NETWORKS as readonly string[]).includes(value)) return value as Network;
  return ALIASES[value] ?? null;
}

/** "255712345678" → "2557•••5678": enough for the cashier to recognise, not enough to copy. */
export function maskPhone(phone: string): string {
  if (phone.length >= 10) return `${phone.slice(0, 4)}•••${phone.slice(-4)}`;
  if (phone.length <= 2) return phone;
  return `${"•".repeat(phone.length - 2)}${phone.slice(-2)}`;
}
