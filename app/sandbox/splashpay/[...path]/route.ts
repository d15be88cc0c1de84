import { getEnv } from "@/lib/server/env";
import { mountSandbox } from "@/lib/server/sandbox/mount-sandbox";
import { getSplashPaySandbox } from "@/lib/server/sandbox/splashpay-instance";

// The built-in SplashPay provider, mounted only in sandbox mode (docs/providers.md#splashpay-sandbox).

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const handle = mountSandbox(() => getEnv().splashpay.mode === "sandbox", getSplashPaySandbox);

export { handle as GET, handle as POST, handle as PUT, handle as DELETE, handle as PATCH };
