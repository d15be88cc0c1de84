import { getDatabase } from "@/lib/server/db/database";
import { handleRouteError } from "@/lib/server/http/handle-route-error";
import { requireWellFormedId } from "@/lib/server/http/path-id";
import { requireMerchantKey } from "@/lib/server/checkout/merchant-key";
import { retryDelivery } from "@/lib/server/webhooks/webhook-deliveries";

export const dynamic = "force-dynamic";

// POST /api/webhook-deliveries/:id/retry: a failed delivery is queued again with the same webhook-id.
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    requireMerchantKey(request);
    const id = requireWellFormedId((await context.params).id, "msg", "No such webhook delivery.");
    const { db } = await getDatabase();
    const { delivery, queued } = await retryDelivery(db, id);
    return Response.json(delivery, { status: queued ? 202 : 200 });
  } catch (error) {
    return handleRouteError(error);
  }
}
