import { markCustomerDisplaySeen, resolveCustomerDisplay } from "@/lib/server/auth/customer-displays";
import { getDatabase } from "@/lib/server/db/database";
import { getEnv } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/api-error";
import { clientAddress } from "@/lib/server/http/client-address";
import { handleRouteError } from "@/lib/server/http/handle-route-error";
import { acquireStreamSlot, boundedStream } from "@/lib/server/http/stream-limits";
import { displayEventStream } from "@/lib/server/realtime/display-stream";
import { getListenHub } from "@/lib/server/realtime/listen-hub";
import { SSE_HEADERS } from "@/lib/server/realtime/sse";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// The customer display's live stream (docs/api.md "Customer display"): no sign-in, the unguessable token
// is the key; an unknown or revoked token is 404. Same limits as a payment's stream, counted per display.
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  try {
    const { db } = await getDatabase();
    const display = await resolveCustomerDisplay(db, (await params).token);
    if (!display) throw new ApiError("NOT_FOUND", "No such customer display.");
    await markCustomerDisplaySeen(db, display.id);
    const limits = getEnv().sse;
    const hub = await getListenHub();
    const release = acquireStreamSlot(
      `display:${display.id}`,
      clientAddress(request, getEnv().trustedProxyHops),
      limits,
    );
    const stream = displayEventStream(db, hub, display);
    return new Response(boundedStream(stream, limits.maxLifetimeSeconds * 1000, release), {
      headers: SSE_HEADERS,
    });
  } catch (error) {
    return handleRouteError(error);
  }
}
