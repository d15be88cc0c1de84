import { getDatabase } from "@/lib/server/db/database";
import { loadPaymentFiscal } from "@/lib/server/fiscal/fiscal-status";
import { ApiError } from "@/lib/server/http/api-error";
import { handleRouteError } from "@/lib/server/http/handle-route-error";
import { loadOwnedPayment, requireViewerScope } from "@/lib/server/payments/payment-access";

export const dynamic = "force-dynamic";

// The fiscal block of a completed payment (README "Fiscal receipts"); 404 until it is issued, or when
// fiscal receipts are off.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const scope = await requireViewerScope(request);
    const { db } = await getDatabase();
    const payment = await loadOwnedPayment(db, (await params).id, scope);
    const fiscal = await loadPaymentFiscal(db, payment.id);
    if (!fiscal) throw new ApiError("NOT_FOUND", "This payment has no fiscal receipt (yet).");
    return Response.json(fiscal);
  } catch (error) {
    return handleRouteError(error);
  }
}
