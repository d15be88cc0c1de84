import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/server/db/client";
import { payments } from "@/lib/server/db/schema";
import { isPaymentStatus, type PaymentStatus } from "@/lib/payment-status";

// The shopper's public return page finds its payment by the token alone; anything that is not the shape
// of a token is not looked up at all.

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32}$/;

/** What the shopper may see of a payment: nothing about the register, the customer or the provider. */
export interface ShopperPaymentView {
  status: PaymentStatus;
  amountMinor: number;
  currency: string;
  reference: string;
  method: string;
  completedAt: Date | null;
  /** The digital receipt's token; the page links to it only once the payment is paid. */
  receiptToken: string | null;
}

export async function paymentByReturnToken(db: Db, token: string): Promise<ShopperPaymentView | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [row] = await db.select().from(payments).where(eq(payments.returnToken, token)).limit(1);
  if (!row) return null;
  return {
    // A status this build does not know is shown as "still being confirmed", never as paid.
    status: isPaymentStatus(row.status) ? row.status : "pending",
    amountMinor: row.amountMinor,
    currency: row.currency,
    reference: row.reference,
    method: row.method,
    completedAt: row.completedAt,
    receiptToken: row.receiptToken,
  };
}
