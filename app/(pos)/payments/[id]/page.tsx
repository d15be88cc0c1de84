import { notFound, redirect } from "next/navigation";
import { CancelOpenButton } from "@/components/payment/cancel-open-button";
import { PosPaymentScreen } from "@/components/pos/pos-payment-screen";
import { QueryProvider } from "@/components/query-provider";
import { RefundSection } from "@/components/refund/refund-section";
import type { Payment } from "@/lib/api-contract";
import { pageStaff } from "@/lib/server/auth/actor";
import { getDatabase } from "@/lib/server/db/database";
import { getEnv } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/api-error";
import { loadOwnedPayment } from "@/lib/server/payments/payment-access";
import { refundsOf } from "@/lib/server/payments/refunds/list-refunds";
import { paymentJson } from "@/lib/server/wire/payment-json";
import { refundJson } from "@/lib/server/wire/refund-json";
import { historyScope } from "@/lib/server/staff/attribution";
import { pinApprovers } from "@/lib/server/staff/pin-pad-people";

export const dynamic = "force-dynamic";

/** The server's clock at render: the countdown corrects a client clock that is off by this. */
function renderedAt(): number {
  return Date.now();
}

// Server-rendered first paint (the QR and countdown are there before any script runs), then live.
export default async function PaymentPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await pageStaff();
  if (!actor) redirect("/sign-in");
  const { db } = await getDatabase();
  let payment: Payment;
  try {
    payment = paymentJson(await loadOwnedPayment(db, (await params).id, historyScope(actor)));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
  const cashier = actor.staff.role === "cashier";
  const [refunds, approvers] = await Promise.all([
    refundsOf(db, payment.id),
    cashier ? pinApprovers(db) : Promise.resolve([]),
  ]);
  return (
    <main id="main" className="px-4 py-4">
      <QueryProvider>
        <PosPaymentScreen initial={payment} merchantName={getEnv().merchantName} serverNow={renderedAt()} />
        <CancelOpenButton initial={payment} />
        <RefundSection
          initial={payment}
          initialRefunds={refunds.map(refundJson)}
          approvers={approvers}
          needsApproval={cashier}
        />
      </QueryProvider>
    </main>
  );
}
