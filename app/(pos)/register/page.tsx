import { Suspense } from "react";
import { Register, type MethodOption } from "@/components/pos/register";
import { getEnv } from "@/lib/server/env";
import { enabledMethods } from "@/lib/payment-methods";

export const dynamic = "force-dynamic";

export default function RegisterPage() {
  const env = getEnv();
  const configured = { paygrid: env.paygrid.mode !== "off", splashpay: env.splashpay.mode !== "off" };
  // Every method is listed; one whose provider is off says so instead of disappearing.
  const methods: MethodOption[] = enabledMethods({ paygrid: true, splashpay: true }).map((m) => ({
    ...m,
    configured: configured[m.provider],
  }));
  return (
    <main id="main" className="mx-auto w-full max-w-5xl px-4 py-4">
      <Suspense>
        <Register methods={methods} merchantName={env.merchantName} />
      </Suspense>
    </main>
  );
}
