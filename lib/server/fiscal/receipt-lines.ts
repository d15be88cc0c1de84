import "server-only";
import { parseAmount } from "@/lib/money";

// A sale's lines and tax groups in integer cents. Amounts on a receipt include tax (TRA's AMT); the net and
// tax of each group are split from the group's gross once, so the totals add up to the cent.

export const TAX_LETTERS = ["A", "B", "C", "D", "E"] as const;
export type TaxLetter = (typeof TAX_LETTERS)[number];

export interface FiscalLine {
  id: string;
  description: string;
  quantity: number;
  taxCode: 1 | 2 | 3 | 4 | 5;
  /** Line total including tax, cents. */
  amountMinor: number;
}

export interface VatGroup {
  letter: TaxLetter;
  taxCode: number;
  netMinor: number;
  taxMinor: number;
}

/** The checkout's line items, or one line for the whole sale (a register sale has none). */
export function saleLines(
  input: { amountMinor: number; reference: string; lineItems: unknown[] | null },
  taxCode: FiscalLine["taxCode"],
): FiscalLine[] {
  const items = (input.lineItems ?? []).flatMap((raw, i) => {
    const item = raw as { name?: unknown; quantity?: unknown; unit_amount?: unknown };
    if (typeof item.name !== "string" || typeof item.quantity !== "number") return [];
    if (typeof item.unit_amount !== "string" && typeof item.unit_amount !== "number") return [];
    const unit = parseAmount(item.unit_amount, "TZS");
    return [
      {
        id: String(i + 1),
        description: item.name,
        quantity: item.quantity,
        taxCode,
        amountMinor: unit * item.quantity,
      },
    ];
  });
  const sum = items.reduce((total, line) => total + line.amountMinor, 0);
  if (items.length > 0 && sum === input.amountMinor) return items;
  return [
    { id: "1", description: `Sale ${input.reference}`, quantity: 1, taxCode, amountMinor: input.amountMinor },
  ];
}

/** Per tax group: gross → net and tax at the group's rate (percent with two decimals, e.g. "18.00"). */
export function vatGroups(lines: FiscalLine[], ratePercent: (letter: TaxLetter) => string): VatGroup[] {
  const groups: VatGroup[] = [];
  for (const code of [1, 2, 3, 4, 5] as const) {
    const gross = lines.filter((l) => l.taxCode === code).reduce((sum, l) => sum + l.amountMinor, 0);
    if (!lines.some((l) => l.taxCode === code)) continue;
    const letter = TAX_LETTERS[code - 1]!;
    const basisPoints = Math.round(Number(ratePercent(letter)) * 100); // 18.00 → 1800
    const net = Math.round((gross * 10_000) / (10_000 + basisPoints));
    groups.push({ letter, taxCode: code, netMinor: net, taxMinor: gross - net });
  }
  return groups;
}

/** Malipo's payment methods → TRA's PMTTYPE. */
export function paymentType(provider: string, method: string): "CASH" | "CCARD" | "EMONEY" {
  if (provider === "cash" || method === "cash") return "CASH";
  if (method === "card") return "CCARD";
  return "EMONEY"; // mobile money, PayGrid's dynamic QR, SplashPay's TANQR
}
