import { getDatabase } from "@/lib/server/db/database";
import { handleRouteError } from "@/lib/server/http/handle-route-error";
import { checkoutSessionJson } from "@/lib/server/wire/checkout-session-json";
import { loadCheckoutSession, sessionPayments } from "@/lib/server/checkout/load-checkout-session";
import { requireMerchantOrCashier } from "@/lib/server/checkout/merchant-auth";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    await requireMerchantOrCashier(request);
    const { db } = await getDatabase();
    const session = await loadCheckoutSession(db, (await params).id);
    return Response.json(checkoutSessionJson(session, await sessionPayments(db, session.id)));
  } catch (error) {
    return handleRouteError(error);
  }
}
