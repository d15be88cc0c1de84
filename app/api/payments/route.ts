import { getDatabase } from "@/lib/server/db/database";
import { requireStaff } from "@/lib/server/auth/actor";
import { handleRouteError } from "@/lib/server/http/handle-route-error";
import { readJson } from "@/lib/server/http/read-json";
import { createPayment } from "@/lib/server/payments/create-payment";
import { requireIdempotencyKey } from "@/lib/server/payments/idempotency";
import { listPayments, parseListPaymentsQuery } from "@/lib/server/payments/list-payments";
import { paymentJson } from "@/lib/server/wire/payment-json";
import { providerAdapter } from "@/lib/server/providers/registry";
import { createPaymentSchema } from "@/lib/payment-schema";
import { historyScope, sellerOf } from "@/lib/server/staff/attribution";
import { merchantPaymentsGET } from "@/lib/server/checkout/merchant-payment-routes";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    const actor = await requireStaff(request);
    const body = await readJson(request);
    const idempotencyKey = requireIdempotencyKey(request.headers.get("idempotency-key"));
    const command = { ...createPaymentSchema.parse(body), idempotencyKey };
    const { db } = await getDatabase();
    const { payment, created } = await createPayment(
      { db, adapter: providerAdapter, ownerScope: `register:${actor.register.id}`, seller: sellerOf(actor) },
      command,
    );
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
