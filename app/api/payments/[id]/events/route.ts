import { getDatabase } from "@/lib/server/db/database";
import { handleRouteError } from "@/lib/server/http/handle-route-error";
import { loadOwnedPayment, requireViewerScope } from "@/lib/server/payments/payment-access";
import { getListenHub } from "@/lib/server/realtime/listen-hub";
import { paymentEventStream } from "@/lib/server/realtime/payment-stream";
import { parseLastEventId, SSE_HEADERS } from "@/lib/server/realtime/sse";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const scope = await requireViewerScope(request);
    const { db } = await getDatabase();
    const payment = await loadOwnedPayment(db, (await params).id, scope);
    // EventSource resends Last-Event-ID on reconnect; a first connection may pass it as a query parameter.
    const lastEventId = parseLastEventId(
      request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("lastEventId"),
    );
    const stream = paymentEventStream(db, await getListenHub(), payment.id, lastEventId);
    return new Response(stream, { headers: SSE_HEADERS });
  } catch (error) {
    return handleRouteError(error);
  }
}
