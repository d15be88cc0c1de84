import { isCurrency, parseAmount, formatMoney, type Currency } from "@/lib/money";
import type { Locale } from "@/lib/i18n";

// Display formatting for screens: amounts arrive as exact decimal strings (docs/api.md#payment-object) and are shown with
// Intl for the cashier's language; times are shown in Tanzania's time zone whatever the device says.

const LOCALE_TAG: Record<Locale, string> = { sw: "sw-TZ", en: "en-TZ" };
const TIME_ZONE = "Africa/Dar_es_Salaam";

/** "5000" TZS → "TSh 5,000" (en) / "TSh 5,000" (sw); a malformed amount is shown as given. */
export function formatAmount(amount: string, currency: string, locale: Locale): string {
  if (!isCurrency(currency)) return `${currency} ${amount}`;
  try {
    return formatMoney(parseAmount(amount, currency as Currency), currency, locale);
  } catch {
    return `${currency} ${amount}`;
  }
}

export function formatTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(LOCALE_TAG[locale], {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: TIME_ZONE,
  }).format(new Date(iso));
}

export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(LOCALE_TAG[locale], {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: TIME_ZONE,
  }).format(new Date(iso));
}

/** 754 s → "12:34", 299 s → "04:59": the payment window's countdown, always mm:ss so it does not jump. */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
}
