import { getDatabase } from "@/lib/server/db/database";
import { getEnv } from "@/lib/server/env";
import { handleRouteError } from "@/lib/server/http/handle-route-error";
import { clientAddress } from "@/lib/server/http/client-address";
import { acquireStreamSlot, boundedStream } from "@/lib/server/http/stream-limits";
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
    const limits = getEnv().sse;
    const hub = await getListenHub();
    // Taken last, so nothing above can fail while holding it; boundedStream releases it when the stream ends.
    const release = acquireStreamSlot(payment.id, clientAddress(request, getEnv().trustedProxyHops), limits);
    const stream = paymentEventStream(db, hub, payment.id, lastEventId);
    return new Response(boundedStream(stream, limits.maxLifetimeSeconds * 1000, release), {
      headers: SSE_HEADERS,
    });
  } catch (error) {
    return handleRouteError(error);
  }
}
