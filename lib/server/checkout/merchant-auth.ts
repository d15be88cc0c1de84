import "server-only";
import { currentStaff } from "@/lib/server/auth/actor";
import { assertSameOrigin, secretEquals } from "@/lib/server/auth/cashier";
import { getEnv } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/api-error";

/**
 * The merchant's backend (Bearer MERCHANT_API_KEY) or a signed-in cashier. Returns who created the
 * session: "merchant" or "register:<id>". Bearer callers are servers, so no Origin check applies to them.
 */
export async function requireMerchantOrCashier(request: Request): Promise<string> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const [scheme, token] = authorization.split(" ");
    if (scheme === "Bearer" && token && secretEquals(token, getEnv().merchantApiKey)) return "merchant";
    throw new ApiError("UNAUTHENTICATED", "The merchant API key is not valid.");
  }
  const actor = await currentStaff(request);
  if (!actor) throw new ApiError("UNAUTHENTICATED", "Send Authorization: Bearer <MERCHANT_API_KEY>.");
  assertSameOrigin(request);
  return `register:${actor.register.id}`;
}
