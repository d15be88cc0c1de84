import { getDatabase } from "@/lib/server/db/database";
import { handleRouteError } from "@/lib/server/http/handle-route-error";
import { loadOwnedPayment, requireViewerScope } from "@/lib/server/payments/payment-access";
import { paymentJson } from "@/lib/server/wire/payment-json";
import { throttledRefresh } from "@/lib/server/payments/throttled-refresh";
import { providerAdapter } from "@/lib/server/providers/registry";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const scope = await requireViewerScope(request);
    const { db } = await getDatabase();
    const payment = await loadOwnedPayment(db, (await params).id, scope);
    const after = await throttledRefresh(db, providerAdapter(payment.provider), payment);
    return Response.json(paymentJson(after));
  } catch (error) {
    return handleRouteError(error);
  }
}
