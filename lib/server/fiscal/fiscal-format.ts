import "server-only";

// TRA's number and text rules (docs: README "Fiscal receipts"): amounts always with two decimals, never a
// float or exponent form; text escaped for XML, or EFDMS rejects the receipt. Dates and times are East
// Africa Time (UTC+3, no daylight saving), whatever the server's zone.

/** Minor units (cents of TZS) → "1180.00". */
export function fiscalAmount(minor: number): string {
  if (!Number.isSafeInteger(minor)) throw new Error("fiscal amounts are whole minor units");
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** `<NAME>escaped value</NAME>`. */
export function el(name: string, value: string | number): string {
  return `<${name}>${typeof value === "number" ? String(value) : escapeXml(value)}</${name}>`;
}

const EAT_OFFSET_MS = 3 * 60 * 60 * 1000;

export interface EatStamp {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM:SS */
  time: string;
  /** YYYYMMDD — the Z number of that day. */
  znum: string;
}

export function eatStamp(at: Date): EatStamp {
  const iso = new Date(at.getTime() + EAT_OFFSET_MS).toISOString();
  const date = iso.slice(0, 10);
  return { date, time: iso.slice(11, 19), znum: date.replace(/-/g, "") };
}

/** "20260310" → "2026-03-10". */
export function znumToDate(znum: string): string {
  return `${znum.slice(0, 4)}-${znum.slice(4, 6)}-${znum.slice(6, 8)}`;
}

/** The next calendar day of a Z number. */
export function nextZnum(znum: string): string {
  const next = new Date(Date.parse(`${znumToDate(znum)}T00:00:00Z`) + 86_400_000);
  return next.toISOString().slice(0, 10).replace(/-/g, "");
}

export function previousZnum(znum: string): string {
  const prev = new Date(Date.parse(`${znumToDate(znum)}T00:00:00Z`) - 86_400_000);
  return prev.toISOString().slice(0, 10).replace(/-/g, "");
}

/** The verification link printed as a QR: `{verifyUrl}/{RCTVNUM}_{HHMMSS}`. */
export function verificationUrl(verifyUrl: string, rctvnum: string, time: string): string {
  return `${verifyUrl}/${rctvnum}_${time.replace(/:/g, "")}`;
}

/** Value of the first `<NAME>…</NAME>` in an answer, unescaped; undefined when absent. */
export function xmlField(xml: string, name: string): string | undefined {
  const match = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml);
  if (!match) return undefined;
  return match[1]!
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}
