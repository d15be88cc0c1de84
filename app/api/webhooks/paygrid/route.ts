import { getDatabase } from "@/lib/server/db/database";
import { getEnv } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/api-error";
import { handleRouteError } from "@/lib/server/http/handle-route-error";
import { readRawBody } from "@/lib/server/http/read-json";
import { receivePayGridWebhook } from "@/lib/server/webhooks/receive-paygrid-webhook";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function POST(request: Request) {
  try {
    const env = getEnv();
    if (env.paygrid.mode === "off") throw new ApiError("NOT_FOUND", "PayGrid is not configured.");
    // The signature covers the exact bytes: read them raw, verify, and only then parse.
    const rawBody = await readRawBody(request);
    const { db } = await getDatabase();
    return Response.json(
      await receivePayGridWebhook(db, rawBody, request.headers, env.paygrid.webhookSigningKey),
    );
  } catch (error) {
    return handleRouteError(error);
  }
}
