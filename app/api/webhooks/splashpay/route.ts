import { getDatabase } from "@/lib/server/db/database";
import { getEnv } from "@/lib/server/env";
import { providerAdapter } from "@/lib/server/providers/registry";
import { webhookRoute } from "@/lib/server/webhooks/webhook-common";
import { receiveOrWake } from "@/lib/server/webhooks/wake-on-unverified";
import { receiveSplashPayWebhook } from "@/lib/server/webhooks/receive-splashpay-webhook";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function POST(request: Request) {
  const env = getEnv();
  return webhookRoute(request, "SplashPay", env.splashpay.mode !== "off", async (rawBody) => {
    const { db } = await getDatabase();
    return receiveOrWake(db, "splashpay", rawBody, providerAdapter, () =>
      receiveSplashPayWebhook(db, rawBody, request.headers, env.splashpay.webhookSecret),
    );
  });
}
