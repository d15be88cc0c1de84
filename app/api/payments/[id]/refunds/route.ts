import { getDatabase } from "@/lib/server/db/database";
import { handleRouteError } from "@/lib/server/http/handle-route-error";
import { readJson } from "@/lib/server/http/read-json";
import { requireIdempotencyKey } from "@/lib/server/payments/idempotency";
import { createRefund } from "@/lib/server/payments/refunds/create-refund";
import { listRefunds } from "@/lib/server/payments/refunds/list-refunds";
import { refundRequester } from "@/lib/server/payments/refunds/refund-requester";
import { providerAdapter } from "@/lib/server/providers/registry";
import { refundJson } from "@/lib/server/wire/refund-json";
import { createRefundSchema } from "@/lib/refund-schema";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const requester = await refundRequester(request);
    const body = createRefundSchema.parse(await readJson(request));
    const idempotencyKey = requireIdempotencyKey(request.headers.get("idempotency-key"));
    const { db } = await getDatabase();
    const { refund, created } = await createRefund(
      { db, adapter: providerAdapter },
      { paymentId: (await params).id, body, idempotencyKey, requester },
    );
    return Response.json(refundJson(refund), { status: created ? 201 : 200 });
  } catch (error) {
    return handleRouteError(error);
  }
}

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const requester = await refundRequester(request);
    const { db } = await getDatabase();
    const rows = await listRefunds(db, (await params).id, requester);
    return Response.json({ data: rows.map(refundJson) });
  } catch (error) {
    return handleRouteError(error);
  }
}
