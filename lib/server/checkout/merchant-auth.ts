import "server-only";
import { cashierSession, assertSameOrigin, secretEquals } from "@/lib/server/auth/cashier";
import { getEnv } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/api-error";

/**
 * The merchant's backend (Bearer MERCHANT_API_KEY) or a signed-in cashier. Returns who created the
 * session: "merchant" or "register:<id>". Bearer callers are servers, so no Origin check applies to them.
 */
export function requireMerchantOrCashier(request: Request): string {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const [scheme, token] = authorization.split(" ");
    if (scheme === "Bearer" && token && secretEquals(token, getEnv().merchantApiKey)) return "merchant";
    throw new ApiError("UNAUTHENTICATED", "The merchant API key is not valid.");
  }
  const session = cashierSession(request);
  if (!session) throw new ApiError("UNAUTHENTICATED", "Send Authorization: Bearer <MERCHANT_API_KEY>.");
  assertSameOrigin(request);
  return `register:${session.registerId}`;
}
