import "server-only";
import { assertSameOrigin } from "@/lib/server/auth/cashier";
import { clientAddress } from "@/lib/server/http/client-address";
import { registerCookieHeader } from "@/lib/server/auth/cookies";
import { PASSWORD_RULE, throttledAttempt, throttleKeys } from "@/lib/server/auth/throttle";
import { getDatabase } from "@/lib/server/db/database";
import { getEnv } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/api-error";
import { readJson } from "@/lib/server/http/read-json";
import { pairDemoRegister, pairSchema, pairWithCode, registerJson } from "./register-service";

// POST /api/registers/pair: a pairing code (or, in sandbox mode, `{ "demo": true }`) gives this device its
// register cookie. Wrong codes count against the client address like wrong passwords.

export async function pairResponse(request: Request): Promise<Response> {
  assertSameOrigin(request);
  const body = pairSchema.parse(await readJson(request));
  const { db } = await getDatabase();
  let paired;
  if ("demo" in body) {
    paired = await pairDemoRegister(db);
  } else {
    const guard = {
      keys: [throttleKeys.address(clientAddress(request, getEnv().trustedProxyHops))],
      rule: PASSWORD_RULE,
      tooMany: "Too many wrong codes. Wait and try again.",
      wrong: new ApiError(
        "UNAUTHENTICATED",
        "That pairing code is not valid: it may be mistyped, used or expired.",
      ),
    };
    paired = await throttledAttempt(db, guard, () => pairWithCode(db, body.code));
  }
  return Response.json(
    { register: registerJson(paired.register) },
    { status: 201, headers: { "Set-Cookie": registerCookieHeader(paired.token) } },
  );
}
