import "server-only";
import { secretEquals } from "@/lib/server/auth/cashier";
import { getEnv } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/api-error";

/** Routes for the merchant's backend only (Bearer MERCHANT_API_KEY); staff sessions do not count. */
export function requireMerchantKey(request: Request): void {
  const [scheme, token] = (request.headers.get("authorization") ?? "").split(" ");
  if (scheme === "Bearer" && token && secretEquals(token, getEnv().merchantApiKey)) return;
  throw new ApiError("UNAUTHENTICATED", "Send Authorization: Bearer <MERCHANT_API_KEY>.");
}
