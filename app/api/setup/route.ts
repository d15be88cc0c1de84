import { assertSameOrigin } from "@/lib/server/auth/cashier";
import { clientAddress } from "@/lib/server/http/client-address";
import { PASSWORD_RULE, throttledAttempt, throttleKeys } from "@/lib/server/auth/throttle";
import { getDatabase } from "@/lib/server/db/database";
import { getEnv } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/api-error";
import { handleRouteError } from "@/lib/server/http/handle-route-error";
import { readJson } from "@/lib/server/http/read-json";
import { completeSetup, setupSchema } from "@/lib/server/staff/bootstrap-accounts";

export const dynamic = "force-dynamic";

// First start in live mode without OWNER_EMAIL: the setup code from the server's log makes the owner.
export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    const body = setupSchema.parse(await readJson(request));
    const { db } = await getDatabase();
    const guard = {
      keys: [throttleKeys.address(clientAddress(request, getEnv().trustedProxyHops))],
      rule: PASSWORD_RULE,
      tooMany: "Too many wrong codes. Wait and try again.",
      wrong: new ApiError("UNAUTHENTICATED", "That setup code is not valid."),
    };
    await throttledAttempt(db, guard, () => completeSetup(db, getEnv(), body));
    return new Response(null, { status: 201 });
  } catch (error) {
    return handleRouteError(error);
  }
}
