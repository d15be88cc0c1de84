import "server-only";
import { getDatabase } from "@/lib/server/db/database";
import { versionedRoute } from "@/lib/server/http/api-version";
import { parseListPaymentsQuery } from "@/lib/server/payments/list-payments";
import { listMerchantPayments, loadMerchantPayment } from "./merchant-payments";
import { requireMerchant } from "./merchant-auth";

// The merchant key's side of GET /api/payments and GET /api/payments/:id, kept out of the staff routes'
// code: those routes hand a request with an Authorization header here and stay as they were otherwise.

export function merchantPaymentsGET(request: Request): Promise<Response> {
  return versionedRoute(request, async () => {
    requireMerchant(request);
    const query = parseListPaymentsQuery(new URL(request.url).searchParams);
    const { db } = await getDatabase();
    return Response.json(await listMerchantPayments(db, query));
  });
}

export function merchantPaymentGET(request: Request, id: string): Promise<Response> {
  return versionedRoute(request, async () => {
    requireMerchant(request);
    const { db } = await getDatabase();
    return Response.json(await loadMerchantPayment(db, id));
  });
}
