import { getDatabase } from "@/lib/server/db/database";
import { getEnv } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/api-error";
import { handleRouteError } from "@/lib/server/http/handle-route-error";
import { metrics } from "@/lib/server/metrics/registry";
import { metricsTokenMatches, refreshDatabaseGauges } from "@/lib/server/ops/metrics-snapshot";

export const dynamic = "force-dynamic";

// Prometheus text (README "Metrics"), for a scraper holding METRICS_TOKEN; 404 when no token is set.
export async function GET(request: Request) {
  try {
    const token = getEnv().metricsToken;
    if (!token) throw new ApiError("NOT_FOUND", "Metrics are not enabled (set METRICS_TOKEN).");
    if (!metricsTokenMatches(request.headers.get("authorization"), token)) {
      throw new ApiError("UNAUTHENTICATED", "Metrics need Authorization: Bearer <METRICS_TOKEN>.");
    }
    await refreshDatabaseGauges((await getDatabase()).db);
    return new Response(await metrics.registry.metrics(), {
      headers: { "Content-Type": metrics.registry.contentType, "Cache-Control": "no-store" },
    });
  } catch (error) {
    return handleRouteError(error);
  }
}
