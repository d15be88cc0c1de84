import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/server/db/client";
import { checkoutSessions, payments, refunds } from "@/lib/server/db/schema";
import { isPaid, isPaymentStatus, type PaymentStatus } from "@/lib/payment-status";
import { maskPhone } from "@/lib/phone";

// The public digital receipt (/r/{token}, docs/api.md "receipts"). Found by its unguessable token alone, and
// only for a payment that was paid: before that the token finds nothing. What it returns is what a receipt
// may show to anyone holding the link — never the customer's name, email or full phone number.

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32}$/;

const lineItemSchema = z.object({
  name: z.string(),
  quantity: z.number().int(),
  unit_amount: z.union([z.string(), z.number()]).transform(String),
});

export interface ReceiptLineItem {
  name: string;
  quantity: number;
  /** Decimal string in major units, as the checkout session stored it. */
  unitAmount: string;
}

export interface ReceiptRefund {
  amountMinor: number;
  currency: string;
  createdAt: Date;
}

export interface ReceiptView {
  /** Internal: to load the sale's fiscal receipt beside it (never printed). */
  paymentId: string;
  status: PaymentStatus;
  reference: string;
  amountMinor: number;
  currency: string;
  method: string;
  provider: string;
  providerReference: string | null;
  paidAt: Date;
  paidAfterExpiry: boolean;
  /** "2557•••5678"; null when the payment has no phone (cash, card without one). */
  maskedPhone: string | null;
  /** The cashier's first name only; null for a shopper's payment on a checkout link. */
  cashierFirstName: string | null;
  lineItems: ReceiptLineItem[];
  refunds: ReceiptRefund[];
  /** Cash sales: what was handed over. */
  tenderedMinor: number | null;
}

export function firstName(name: string | null): string | null {
  const first = name?.trim().split(/\s+/)[0];
  return first ? first : null;
}

async function lineItemsOf(db: Db, checkoutSessionId: string | null): Promise<ReceiptLineItem[]> {
  if (!checkoutSessionId) return [];
  const [session] = await db
    .select({ lineItems: checkoutSessions.lineItems })
    .from(checkoutSessions)
    .where(eq(checkoutSessions.id, checkoutSessionId));
  const parsed = z.array(lineItemSchema).safeParse(session?.lineItems ?? []);
  if (!parsed.success) return [];
  return parsed.data.map((item) => ({
    name: item.name,
    quantity: item.quantity,
    unitAmount: item.unit_amount,
  }));
}

export async function receiptByToken(db: Db, token: string): Promise<ReceiptView | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [row] = await db.select().from(payments).where(eq(payments.receiptToken, token)).limit(1);
  if (!row || !isPaymentStatus(row.status) || !isPaid(row.status)) return null;
  const succeeded = await db
    .select()
    .from(refunds)
    .where(and(eq(refunds.paymentId, row.id), eq(refunds.status, "succeeded")))
    .orderBy(asc(refunds.createdAt));
  return {
    paymentId: row.id,
    status: row.status,
    reference: row.reference,
    amountMinor: row.amountMinor,
    currency: row.currency,
    method: row.method,
    provider: row.provider,
    providerReference: row.providerReference,
    paidAt: row.completedAt ?? row.updatedAt,
    paidAfterExpiry: row.paidAfterExpiry,
    maskedPhone: row.phone ? maskPhone(row.phone) : null,
    cashierFirstName: firstName(row.staffName),
    lineItems: await lineItemsOf(db, row.checkoutSessionId),
    refunds: succeeded.map((r) => ({
      amountMinor: r.amountMinor,
      currency: r.currency,
      createdAt: r.createdAt,
    })),
    tenderedMinor: row.tenderedMinor,
  };
}
