import { getDatabase } from "@/lib/server/db/database";
import { getEnv } from "@/lib/server/env";
import { providerAdapter } from "@/lib/server/providers/registry";
import { webhookRoute } from "@/lib/server/webhooks/webhook-common";
import { receiveOrWake } from "@/lib/server/webhooks/wake-on-unverified";
import { receivePayGridWebhook } from "@/lib/server/webhooks/receive-paygrid-webhook";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function POST(request: Request) {
  const env = getEnv();
  return webhookRoute(request, "PayGrid", env.paygrid.mode !== "off", async (rawBody) => {
    const { db } = await getDatabase();
    return receiveOrWake(db, "paygrid", rawBody, providerAdapter, () =>
      receivePayGridWebhook(db, rawBody, request.headers, env.paygrid.webhookSigningKey),
    );
  });
}
