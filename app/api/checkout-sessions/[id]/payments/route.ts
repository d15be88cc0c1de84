import { getDatabase } from "@/lib/server/db/database";
import { assertSameOrigin } from "@/lib/server/auth/cashier";
import { handleRouteError } from "@/lib/server/http/handle-route-error";
import { readJson } from "@/lib/server/http/read-json";
import { sessionPaymentSchema } from "@/lib/server/checkout/checkout-session-schema";
import { createSessionPayment } from "@/lib/server/checkout/create-session-payment";
import { requireIdempotencyKey } from "@/lib/server/payments/idempotency";
import { paymentJson } from "@/lib/server/wire/payment-json";
import { providerAdapter } from "@/lib/server/providers/registry";

export const dynamic = "force-dynamic";

// The shopper's own capability is the session id in the path: no cashier cookie is involved.
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    assertSameOrigin(request);
    const body = await readJson(request);
    const idempotencyKey = requireIdempotencyKey(request.headers.get("idempotency-key"));
    const details = sessionPaymentSchema.parse(body);
    const { db } = await getDatabase();
    const { payment, created } = await createSessionPayment(
      db,
      providerAdapter,
      (await params).id,
      details,
      idempotencyKey,
    );
    return Response.json(paymentJson(payment), { status: created ? 201 : 200 });
  } catch (error) {
    return handleRouteError(error);
  }
}
