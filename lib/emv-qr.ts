import { compareDecimalStrings } from "@/lib/money";

// EMVCo merchant-presented QR (TANQR is built on it): parse, CRC, build, and the QR-matches-sale check
// (docs/providers.md#tanqr-format). Universal: runs in the browser and on the server, so no Buffer.

export function crc16CcittFalse(s: string): string {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(s)) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, "0");
}

export interface EmvObject {
  id: string;
  length: number;
  value: string;
  children?: EmvObject[];
}

export type EmvParseResult =
  { ok: true; objects: EmvObject[]; get(path: string): string | undefined } | { ok: false; error: string };

function isTemplate(id: string): boolean {
  const n = Number(id);
  return (n >= 26 && n <= 51) || n === 62 || n === 64 || (n >= 80 && n <= 99);
}

function parseLevel(text: string, where: string): EmvObject[] {
  const objects: EmvObject[] = [];
  const seen = new Set<string>();
  let at = 0;
  while (at < text.length) {
    const head = text.slice(at, at + 4);
    if (!/^\d{4}$/.test(head)) throw new Error(`${where}: expected a 2-digit ID and 2-digit length at ${at}`);
    const id = head.slice(0, 2);
    const length = Number(head.slice(2));
    const value = text.slice(at + 4, at + 4 + length);
    if (value.length !== length)
      throw new Error(`${where}: object ${id} says ${length} characters but has ${value.length}`);
    if (seen.has(id)) throw new Error(`${where}: object ${id} appears twice`);
    seen.add(id);
    const object: EmvObject = { id, length, value };
    if (where === "payload" && isTemplate(id)) object.children = parseLevel(value, `template ${id}`);
    objects.push(object);
    at += 4 + length;
  }
  return objects;
}

export function parseEmv(payload: string): EmvParseResult {
  if (!payload.startsWith("000201")) return { ok: false, error: "does not start with 000201" };
  let objects: EmvObject[];
  try {
    objects = parseLevel(payload, "payload");
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  const last = objects.at(-1);
  if (!last || last.id !== "63" || last.length !== 4)
    return { ok: false, error: "the CRC (63) is not the last object" };
  const expected = crc16CcittFalse(payload.slice(0, -4));
  if (last.value.toUpperCase() !== expected) {
    return { ok: false, error: `CRC mismatch: payload says ${last.value}, computed ${expected}` };
  }
  const get = (path: string): string | undefined => {
    const [top, sub] = path.split(".");
    const object = objects.find((o) => o.id === top);
    if (!sub) return object?.value;
    return object?.children?.find((c) => c.id === sub)?.value;
  };
  return { ok: true, objects, get };
}

export function looksLikeEmv(payload: string): boolean {
  return payload.startsWith("000201");
}

export interface TanqrMerchant {
  name: string;
  city: string;
  postalCode: string;
  acquirerId: string;
  merchantId: string;
  mcc: string;
  storeLabel: string;
  terminalLabel: string;
}

export const DEFAULT_TANQR_MERCHANT: Omit<TanqrMerchant, "name"> = {
  acquirerId: "01001",
  merchantId: "12345678",
  mcc: "5814",
  city: "DODOMA",
  postalCode: "41000",
  storeLabel: "00112349",
  terminalLabel: "11002",
};

function tlv(id: string, value: string): string {
  if (value.length > 99) throw new Error(`EMV object ${id} is longer than 99 characters`);
  return `${id}${String(value.length).padStart(2, "0")}${value}`;
}

// LEN counts characters; keeping text to printable ASCII makes characters equal bytes for every reader.
const ascii = (s: string) => s.replace(/[^\x20-\x7e]/g, "");

/** A dynamic TANQR payload as the sandboxes build it (docs/providers.md#tanqr-sandbox-payload); golden vector T6. */
export function buildDynamicTanqr(input: {
  merchant: TanqrMerchant;
  amount: string;
  currencyNumeric: string;
  reference: string;
}): string {
  const m = input.merchant;
  const body =
    tlv("00", "01") +
    tlv("01", "12") +
    tlv("26", tlv("00", "tz.go.bot.tips") + tlv("01", m.acquirerId) + tlv("02", m.merchantId)) +
    tlv("52", m.mcc) +
    tlv("53", input.currencyNumeric) +
    tlv("54", input.amount) +
    tlv("58", "TZ") +
    tlv("59", ascii(m.name).slice(0, 25)) +
    tlv("60", ascii(m.city).slice(0, 15)) +
    tlv("61", m.postalCode) +
    tlv(
      "62",
      tlv("03", m.storeLabel) + tlv("05", ascii(input.reference).slice(0, 25)) + tlv("07", m.terminalLabel),
    ) +
    "6304";
  return body + crc16CcittFalse(body);
}

export type SaleCheck =
  | { ok: true }
  | {
      ok: false;
      reason:
        | "invalid_payload"
        | "bad_crc"
        | "not_dynamic"
        | "amount_missing"
        | "amount_mismatch"
        | "currency_mismatch"
        | "country_mismatch";
      detail: string;
    };

/** Does this QR charge exactly the sale? (docs/providers.md#tanqr-check) */
export function checkQrMatchesSale(
  payload: string,
  sale: { amount: string; currencyNumeric: string; requireTanqr?: boolean },
): SaleCheck {
  const parsed = parseEmv(payload);
  if (!parsed.ok) {
    return {
      ok: false,
      reason: parsed.error.startsWith("CRC") ? "bad_crc" : "invalid_payload",
      detail: parsed.error,
    };
  }
  const poi = parsed.get("01");
  if (poi !== "12")
    return { ok: false, reason: "not_dynamic", detail: `point of initiation is ${poi ?? "absent"}` };
  const amount = parsed.get("54");
  if (!amount) return { ok: false, reason: "amount_missing", detail: "no amount (54) in a dynamic code" };
  if (!/^\d+(\.\d{1,2})?$/.test(amount) || !compareDecimalStrings(amount, sale.amount)) {
    return { ok: false, reason: "amount_mismatch", detail: `QR amount ${amount}, sale ${sale.amount}` };
  }
  const currency = parsed.get("53");
  if (currency !== sale.currencyNumeric) {
    return {
      ok: false,
      reason: "currency_mismatch",
      detail: `QR currency ${currency}, sale ${sale.currencyNumeric}`,
    };
  }
  if (sale.requireTanqr && (parsed.get("58") !== "TZ" || parsed.get("26.00") !== "tz.go.bot.tips")) {
    return {
      ok: false,
      reason: "country_mismatch",
      detail: "not a TANQR code (58 = TZ, 26/00 = tz.go.bot.tips)",
    };
  }
  return { ok: true };
}
