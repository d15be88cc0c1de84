import { getDatabase } from "@/lib/server/db/database";
import { requireCashier } from "@/lib/server/auth/cashier";
import { handleRouteError } from "@/lib/server/http/handle-route-error";
import { readJson } from "@/lib/server/http/read-json";
import { createPayment } from "@/lib/server/payments/create-payment";
import { listPayments } from "@/lib/server/payments/list-payments";
import { paymentJson } from "@/lib/server/payments/payment-json";
import { providerAdapter } from "@/lib/server/providers/registry";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    const session = requireCashier(request);
    const body = await readJson(request);
    const { db } = await getDatabase();
    const { payment, created } = await createPayment(
      { db, adapter: providerAdapter, ownerScope: `register:${session.registerId}` },
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
    const session = requireCashier(request);
    const { db } = await getDatabase();
    return Response.json(
      await listPayments(db, `register:${session.registerId}`, new URL(request.url).searchParams),
    );
  } catch (error) {
    return handleRouteError(error);
  }
}
