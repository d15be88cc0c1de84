import { getDatabase } from "@/lib/server/db/database";
import { requireStaff } from "@/lib/server/auth/actor";
import { handleRouteError } from "@/lib/server/http/handle-route-error";
import { readJson } from "@/lib/server/http/read-json";
import { createPayment } from "@/lib/server/payments/create-payment";
import { listPayments } from "@/lib/server/payments/list-payments";
import { paymentJson } from "@/lib/server/payments/payment-json";
import { providerAdapter } from "@/lib/server/providers/registry";
import { historyScope, sellerOf } from "@/lib/server/staff/attribution";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    const actor = await requireStaff(request);
    const body = await readJson(request);
    const { db } = await getDatabase();
    const { payment, created } = await createPayment(
      { db, adapter: providerAdapter, ownerScope: `register:${actor.register.id}`, seller: sellerOf(actor) },
      body,
      request.headers.get("idempotency-key"),
    );
    return Response.json(paymentJson(payment), { status: created ? 201 : 200 });
  } catch (error) {
    return handleRouteError(error);
  }
}

export async function GET(request: Request) {
  try {
    const actor = await requireStaff(request);
    const { db } = await getDatabase();
    return Response.json(await listPayments(db, historyScope(actor), new URL(request.url).searchParams));
  } catch (error) {
    return handleRouteError(error);
  }
}
