import { getDatabase } from "@/lib/server/db/database";
import { handleRouteError } from "@/lib/server/http/handle-route-error";
import { loadOwnedPayment, requireViewerScope } from "@/lib/server/payments/payment-access";
import { paymentJson } from "@/lib/server/wire/payment-json";
import { merchantPaymentGET } from "@/lib/server/checkout/merchant-payment-routes";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (request.headers.has("authorization")) return merchantPaymentGET(request, (await params).id);
  try {
    const scope = await requireViewerScope(request);
    const { db } = await getDatabase();
    return Response.json(paymentJson(await loadOwnedPayment(db, (await params).id, scope)));
  } catch (error) {
    return handleRouteError(error);
  }
}
