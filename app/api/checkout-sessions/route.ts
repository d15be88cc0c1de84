import { getDatabase } from "@/lib/server/db/database";
import { versionedRoute } from "@/lib/server/http/api-version";
import { readJson } from "@/lib/server/http/read-json";
import { checkoutSessionJson } from "@/lib/server/wire/checkout-session-json";
import { createCheckoutSessionSchema } from "@/lib/server/checkout/checkout-session-schema";
import { createCheckoutSession } from "@/lib/server/checkout/create-checkout-session";
import {
  listCheckoutSessions,
  parseListCheckoutSessionsQuery,
} from "@/lib/server/checkout/list-checkout-sessions";
import { requireMerchant, requireMerchantOrCashier } from "@/lib/server/checkout/merchant-auth";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return versionedRoute(request, async (apiVersion) => {
    const createdBy = await requireMerchantOrCashier(request);
    const body = await readJson(request);
    const { db } = await getDatabase();
    const { session, created } = await createCheckoutSession(db, {
      ...createCheckoutSessionSchema.parse(body),
      createdBy,
      idempotencyKey: request.headers.get("idempotency-key"),
      apiVersion,
    });
    return Response.json(checkoutSessionJson(session), { status: created ? 201 : 200 });
  });
}

export async function GET(request: Request) {
  return versionedRoute(request, async () => {
    requireMerchant(request);
    const query = parseListCheckoutSessionsQuery(new URL(request.url).searchParams);
    const { db } = await getDatabase();
    return Response.json(await listCheckoutSessions(db, query));
  });
}
