import { requireStaff } from "@/lib/server/auth/actor";
import { getDatabase } from "@/lib/server/db/database";
import { handleRouteError } from "@/lib/server/http/handle-route-error";
import { cancelOpenPayment } from "@/lib/server/payments/cancel-payment";
import { loadOwnedPayment } from "@/lib/server/payments/payment-access";
import { providerAdapter } from "@/lib/server/providers/registry";
import { historyScope } from "@/lib/server/staff/attribution";
import { paymentJson } from "@/lib/server/wire/payment-json";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireStaff(request);
    const { db } = await getDatabase();
    const payment = await loadOwnedPayment(db, (await params).id, historyScope(actor));
    return Response.json(
      paymentJson(await cancelOpenPayment(db, providerAdapter(payment.provider), payment)),
    );
  } catch (error) {
    return handleRouteError(error);
  }
}
