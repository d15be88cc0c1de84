import { getDatabase } from "@/lib/server/db/database";
import { handleRouteError } from "@/lib/server/http/handle-route-error";
import { readJson } from "@/lib/server/http/read-json";
import { checkoutSessionJson } from "@/lib/server/wire/checkout-session-json";
import { createCheckoutSessionSchema } from "@/lib/server/checkout/checkout-session-schema";
import { createCheckoutSession } from "@/lib/server/checkout/create-checkout-session";
import { requireMerchantOrCashier } from "@/lib/server/checkout/merchant-auth";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    const createdBy = await requireMerchantOrCashier(request);
    const body = await readJson(request);
    const { db } = await getDatabase();
    const { session, created } = await createCheckoutSession(db, {
      ...createCheckoutSessionSchema.parse(body),
      createdBy,
      idempotencyKey: request.headers.get("idempotency-key"),
    });
    return Response.json(checkoutSessionJson(session), { status: created ? 201 : 200 });
  } catch (error) {
    return handleRouteError(error);
  }
}
