// Exact money. Inside Malipo an amount is an integer count of minor units (ISO 4217 exponent); it becomes
// a decimal string only at our JSON boundary and a JSON number only at a provider that asks for one.

export const CURRENCIES = ["TZS", "USD", "KES", "UGX"] as const;
export type Currency = (typeof CURRENCIES)[number];

export const CURRENCY_EXPONENT: Record<Currency, number> = { TZS: 2, USD: 2, KES: 2, UGX: 0 };
export const CURRENCY_NUMERIC: Record<Currency, string> = { TZS: "834", USD: "840", KES: "404", UGX: "800" };

export class AmountError extends Error {
  override name = "AmountError";
}

export function isCurrency(value: string): value is Currency {
  return (CURRENCIES as readonly string[]).includes(value);
}

/**
 * Major units → integer minor units, exactly. A number (from a provider's JSON) is read through its
 * shortest decimal form, so 19.99 is 1999 cents and binary noise like 0.30000000000000004 is refused.
 */
export function parseAmount(value: string | number, currency: Currency): number {
  let text: string;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new AmountError("The amount is not a finite number.");
    text = String(value);
    if (/e/i.test(text)) throw new AmountError("The amount is out of range.");
  } else {
    text = value.trim();
  }
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match)
    throw new AmountError("Enter the amount as digits with an optional decimal point, e.g. 5000 or 12.50.");
  const exponent = CURRENCY_EXPONENT[currency];
  const whole = match[1]!;
  const fraction = (match[2] ?? "").replace(/0+$/, "");
  if (fraction.length > exponent) {
    throw new AmountError(
      exponent === 0
        ? `${currency} amounts have no decimals.`
        : `${currency} amounts have at most ${exponent} decimals.`,
    );
  }
  const minor = BigInt(whole) * 10n ** BigInt(exponent) + BigInt(fraction.padEnd(exponent, "0") || "0");
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) throw new AmountError("The amount is too large.");
  return Number(minor);
}

function split(minor: number, currency: Currency): { whole: string; fraction: string } {
  if (!Number.isSafeInteger(minor) || minor < 0) throw new AmountError(`Not a minor-unit amount: ${minor}`);
  const exponent = CURRENCY_EXPONENT[currency];
  const digits = String(minor).padStart(exponent + 1, "0");
  return {
    whole: digits.slice(0, digits.length - exponent),
    fraction: digits.slice(digits.length - exponent),
  };
}

/** 500000 TZS → "5000"; 500050 → "5000.50"; whole amounts carry no decimals. */
export function toMajorString(minor: number, currency: Currency): string {
  const { whole, fraction } = split(minor, currency);
  return /^0*$/.test(fraction) ? whole : `${whole}.${fraction}`;
}

/** Exactly two decimals, as EMVCo tag 54 is written (docs/providers.md#tanqr-sandbox-payload): 100000 TZS → "1000.00". */
export function toMajorFixed(minor: number, currency: Currency): string {
  const { whole, fraction } = split(minor, currency);
  return `${whole}.${fraction.padEnd(2, "0").slice(0, 2)}`;
}

/** The JSON number a provider wants. Exact: a ≤ 2-decimal string parses to the nearest double and prints back the same. */
export function toProviderNumber(minor: number, currency: Currency): number {
  return Number(toMajorString(minor, currency));
}

const LOCALE_TAG = { sw: "sw-TZ", en: "en-TZ" } as const;

export function formatMoney(minor: number, currency: Currency, locale: "sw" | "en"): string {
  const exponent = CURRENCY_EXPONENT[currency];
  const whole = minor % 10 ** exponent === 0;
  return new Intl.NumberFormat(LOCALE_TAG[locale], {
    style: "currency",
    currency,
    minimumFractionDigits: whole ? 0 : exponent,
    maximumFractionDigits: exponent,
  }).format(Number(toMajorString(minor, currency)));
}

/** "1000" == "1000.0" == "1000.00", compared as decimals without floats. */
export function compareDecimalStrings(a: string, b: string): boolean {
  const norm = (s: string) => {
    const m = /^(\d+)(?:\.(\d*))?$/.exec(s.trim());
    if (!m) return null;
    return `${m[1]!.replace(/^0+(?=\d)/, "")}.${(m[2] ?? "").replace(/0+$/, "")}`;
  };
  const x = norm(a);
  return x !== null && x === norm(b);
}
