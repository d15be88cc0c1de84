import "server-only";
import { currentStaff } from "@/lib/server/auth/actor";
import { assertSameOrigin, secretEquals } from "@/lib/server/auth/cashier";
import { getEnv } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/api-error";
import { apiMode } from "@/lib/server/wire/livemode";

// Merchant keys show their mode: mk_test_… works only on a sandbox Malipo, mk_live_… only on a live one
// (env.ts refuses a configured key of the other mode at start). A key of the other mode is answered with
// its own error, so a shop that pasted the wrong key learns why instead of seeing "not valid". Keys
// without a prefix, issued before modes existed, keep working.

function checkBearer(authorization: string): "merchant" {
  const [scheme, token] = authorization.split(" ");
  if (scheme === "Bearer" && token && secretEquals(token, getEnv().merchantApiKey)) return "merchant";
  const mode = apiMode();
  const other = mode === "test" ? "live" : "test";
  if (scheme === "Bearer" && token?.startsWith(`mk_${other}_`)) {
    throw new ApiError(
      "KEY_MODE_MISMATCH",
      `This is a ${other} key (mk_${other}_…), but this Malipo runs in ${mode} mode; use your mk_${mode}_ key.`,
    );
  }
  throw new ApiError("UNAUTHENTICATED", "The merchant API key is not valid.");
}

/** True when the caller presents a key (a shop's backend) rather than a staff session. */
export function hasBearer(request: Request): boolean {
  return request.headers.has("authorization");
}

/** The merchant's backend only (Bearer MERCHANT_API_KEY): the list, expire and events routes. */
export function requireMerchant(request: Request): "merchant" {
  const authorization = request.headers.get("authorization");
  if (!authorization) throw new ApiError("UNAUTHENTICATED", "Send Authorization: Bearer <MERCHANT_API_KEY>.");
  return checkBearer(authorization);
}

/**
 * The merchant's backend (Bearer MERCHANT_API_KEY) or a signed-in cashier. Returns who created the
 * session: "merchant" or "register:<id>". Bearer callers are servers, so no Origin check applies to them.
 */
export async function requireMerchantOrCashier(request: Request): Promise<string> {
  const authorization = request.headers.get("authorization");
  if (authorization) return checkBearer(authorization);
  const actor = await currentStaff(request);
  if (!actor) throw new ApiError("UNAUTHENTICATED", "Send Authorization: Bearer <MERCHANT_API_KEY>.");
  assertSameOrigin(request);
  return `register:${actor.register.id}`;
}
