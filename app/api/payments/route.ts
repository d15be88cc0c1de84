import { getDatabase } from "@/lib/server/db/database";
import { requireStaff } from "@/lib/server/auth/actor";
import { handleRouteError } from "@/lib/server/http/handle-route-error";
import { readJson } from "@/lib/server/http/read-json";
import { createPayment } from "@/lib/server/payments/create-payment";
import { requireIdempotencyKey } from "@/lib/server/payments/idempotency";
import { listPayments, parseListPaymentsQuery } from "@/lib/server/payments/list-payments";
import { paymentJson } from "@/lib/server/wire/payment-json";
import { providerAdapter } from "@/lib/server/providers/registry";
import { cashPaymentSchema, isCashRequest } from "@/lib/cash-payment-schema";
import { createCashPayment } from "@/lib/server/payments/create-cash-payment";
import { createPaymentSchema, failoverFieldSchema } from "@/lib/payment-schema";
import { failoverFrom } from "@/lib/server/payments/failover-from";
import { historyScope, sellerOf } from "@/lib/server/staff/attribution";
import { merchantPaymentsGET } from "@/lib/server/checkout/merchant-payment-routes";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    const actor = await requireStaff(request);
    const body = await readJson(request);
    const idempotencyKey = requireIdempotencyKey(request.headers.get("idempotency-key"));
    const { db } = await getDatabase();
    const sale = { db, ownerScope: `register:${actor.register.id}`, seller: sellerOf(actor) };
    // Cash is recorded at once, no provider called (lib/cash-payment-schema.ts).
    if (isCashRequest(body)) {
      const cash = await createCashPayment(sale, { ...cashPaymentSchema.parse(body), idempotencyKey });
      return Response.json(paymentJson(cash.payment), { status: cash.created ? 201 : 200 });
    }
    const command = { ...createPaymentSchema.parse(body), idempotencyKey };
    // A QR whose provider did not answer is superseded before the other provider's QR starts.
    const { failover_from: failedKey } = failoverFieldSchema.parse(body);
    if (failedKey) await failoverFrom(db, providerAdapter, sale.ownerScope, failedKey, command);
    const { payment, created } = await createPayment({ ...sale, adapter: providerAdapter }, command);
    return Response.json(paymentJson(payment), { status: created ? 201 : 200 });
  } catch (error) {
    return handleRouteError(error);
  }
}

export async function GET(request: Request) {
  // A shop's backend (Bearer key): its checkout payments only, answered apart from the staff listing.
  if (request.headers.has("authorization")) return merchantPaymentsGET(request);
  try {
    const actor = await requireStaff(request);
    const { db } = await getDatabase();
    return Response.json(
      await listPayments(db, historyScope(actor), parseListPaymentsQuery(new URL(request.url).searchParams)),
    );
  } catch (error) {
    return handleRouteError(error);
  }
}
