import { getDatabase } from "@/lib/server/db/database";
import { versionedRoute } from "@/lib/server/http/api-version";
import { providerAdapter } from "@/lib/server/providers/registry";
import { checkoutSessionJson } from "@/lib/server/wire/checkout-session-json";
import { expireCheckoutSession } from "@/lib/server/checkout/expire-sessions";
import { requireMerchant } from "@/lib/server/checkout/merchant-auth";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return versionedRoute(request, async () => {
    requireMerchant(request);
    const { db } = await getDatabase();
    const session = await expireCheckoutSession(db, providerAdapter, (await params).id);
    return Response.json(checkoutSessionJson(session));
  });
}
