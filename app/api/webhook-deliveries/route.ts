import { z } from "zod";
import { getDatabase } from "@/lib/server/db/database";
import { handleRouteError } from "@/lib/server/http/handle-route-error";
import { requireMerchantKey } from "@/lib/server/checkout/merchant-key";
import { deliveryStatusSchema, listDeliveries } from "@/lib/server/webhooks/webhook-deliveries";

export const dynamic = "force-dynamic";

const query = z.object({
  status: deliveryStatusSchema.default("failed"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

// GET /api/webhook-deliveries?status=failed (docs/api.md "Webhook deliveries"): the merchant key only.
export async function GET(request: Request) {
  try {
    requireMerchantKey(request);
    const params = new URL(request.url).searchParams;
    const { status, limit } = query.parse({
      status: params.get("status") ?? undefined,
      limit: params.get("limit") ?? undefined,
    });
    const { db } = await getDatabase();
    return Response.json({ data: await listDeliveries(db, status, limit) });
  } catch (error) {
    return handleRouteError(error);
  }
}
