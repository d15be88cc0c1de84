import { getDatabase } from "@/lib/server/db/database";
import { versionedRoute } from "@/lib/server/http/api-version";
import { checkoutSessionJson } from "@/lib/server/wire/checkout-session-json";
import { loadCheckoutSession, sessionPayments } from "@/lib/server/checkout/load-checkout-session";
import { requireMerchantOrCashier } from "@/lib/server/checkout/merchant-auth";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return versionedRoute(request, async () => {
    await requireMerchantOrCashier(request);
    const { db } = await getDatabase();
    const session = await loadCheckoutSession(db, (await params).id);
    return Response.json(checkoutSessionJson(session, await sessionPayments(db, session.id)));
  });
}
