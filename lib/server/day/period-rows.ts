import "server-only";
import { and, desc, eq, getTableColumns, sql, type SQL } from "drizzle-orm";
import type { Db, DbTx } from "@/lib/server/db/client";
import { payments, refunds } from "@/lib/server/db/schema";
import { paymentChannel } from "@/lib/payment-channel";
import type { PeriodPayment, PeriodRefund } from "./sales-totals";

// What a period (a shift, a day) holds: its payments, each with whether a webhook or a poll confirmed its
// completion, and the succeeded refunds made in it with the channel of the payment they gave back.

const confirmed = sql<boolean>`exists (
  select 1 from payment_events e
  where e.payment_id = ${payments.id} and e.status = 'completed' and e.source in ('webhook', 'poll')
)`;

export async function periodPayments(db: Db | DbTx, where: SQL): Promise<PeriodPayment[]> {
  const rows = await db
    .select({ ...getTableColumns(payments), confirmed })
    .from(payments)
    .where(where)
    .orderBy(desc(payments.createdAt), desc(payments.id));
  // PGlite and node-postgres both answer booleans, but be exact about it.
  return rows.map((row) => ({ ...row, confirmed: row.confirmed === true || String(row.confirmed) === "t" }));
}

export async function periodRefunds(db: Db | DbTx, where: SQL | undefined): Promise<PeriodRefund[]> {
  const rows = await db
    .select({
      amountMinor: refunds.amountMinor,
      currency: refunds.currency,
      provider: payments.provider,
      method: payments.method,
      network: payments.network,
      phone: payments.phone,
    })
    .from(refunds)
    .innerJoin(payments, eq(payments.id, refunds.paymentId))
    .where(and(eq(refunds.status, "succeeded"), where));
  return rows.map((r) => ({ amountMinor: r.amountMinor, currency: r.currency, channel: paymentChannel(r) }));
}
