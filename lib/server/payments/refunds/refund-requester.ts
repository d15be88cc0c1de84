import "server-only";
import { currentStaff } from "@/lib/server/auth/actor";
import { assertSameOrigin, secretEquals } from "@/lib/server/auth/cashier";
import type { Role } from "@/lib/server/auth/sessions";
import { getEnv } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/api-error";
import { clientAddress } from "@/lib/server/http/client-address";

// Who asks for a refund (docs/api.md#refunds): the merchant's backend with its key (checkout payments only),
// or a signed-in staff member. A cashier is let through here: the service asks for a manager's approval.

export type RefundRequester =
  | {
      kind: "staff";
      staffId: string;
      staffName: string;
      role: Role;
      registerId: string;
      /** For the password throttle of an on-the-spot approval. */
      clientAddress: string;
    }
  | { kind: "merchant" };

export async function refundRequester(request: Request): Promise<RefundRequester> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const [scheme, token] = authorization.split(" ");
    if (scheme === "Bearer" && token && secretEquals(token, getEnv().merchantApiKey))
      return { kind: "merchant" };
    throw new ApiError("UNAUTHENTICATED", "The merchant API key is not valid.");
  }
  const actor = await currentStaff(request);
  if (!actor) throw new ApiError("UNAUTHENTICATED", "Sign in first.");
  assertSameOrigin(request);
  return {
    kind: "staff",
    staffId: actor.staff.id,
    staffName: actor.staff.name,
    role: actor.staff.role,
    registerId: actor.register.id,
    clientAddress: clientAddress(request, getEnv().trustedProxyHops),
  };
}

/** Whose payments the requester may refund or list: a cashier their register's, the merchant checkout ones. */
export function refundScope(requester: RefundRequester): { ownerScope: string | null } | { checkout: true } {
  if (requester.kind === "merchant") return { checkout: true };
  return { ownerScope: requester.role === "cashier" ? `register:${requester.registerId}` : null };
}
