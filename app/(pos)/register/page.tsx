import { Suspense } from "react";
import { Register, type MethodOption } from "@/components/pos/register";
import { getEnv } from "@/lib/server/env";

export const dynamic = "force-dynamic";

export default function RegisterPage() {
  const env = getEnv();
  const paygrid = env.paygrid.mode !== "off";
  const methods: MethodOption[] = [
    { provider: "paygrid", method: "dynamic-qr", configured: paygrid },
    { provider: "paygrid", method: "mobile", configured: paygrid },
    { provider: "paygrid", method: "card", configured: paygrid },
    { provider: "splashpay", method: "tanqr", configured: env.splashpay.mode !== "off" },
  ];
  return (
    <main id="main" className="mx-auto w-full max-w-5xl px-4 py-4">
      <Suspense>
        <Register methods={methods} merchantName={env.merchantName} />
      </Suspense>
    </main>
  );
}
