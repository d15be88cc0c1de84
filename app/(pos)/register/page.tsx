import { Suspense } from "react";
import { CASH_OPTION, Register, type MethodOption } from "@/components/pos/register";
import { pageStaff } from "@/lib/server/auth/actor";
import { getEnv } from "@/lib/server/env";
import { offeredMethods } from "@/lib/server/providers/availability";

export const dynamic = "force-dynamic";

export default async function RegisterPage() {
  const env = getEnv();
  const actor = await pageStaff();
  // Only what this Malipo is configured for is offered (docs/api.md "all or nothing"); the register's
  // TZS-only rule for TANQR still applies as the cashier changes currency, so no currency filter here.
  const methods: MethodOption[] = [
    ...offeredMethods(undefined, env).map((m) => ({ ...m, configured: true })),
    CASH_OPTION,
  ];
  return (
    <main id="main" className="mx-auto w-full max-w-5xl px-4 py-4">
      <Suspense>
        <Register methods={methods} merchantName={env.merchantName} staffId={actor?.staff.id} />
      </Suspense>
    </main>
  );
}
