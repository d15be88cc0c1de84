import { splashPaySandboxRoute as handle } from "@/app/sandbox/mount-sandbox";

// The built-in SplashPay provider, mounted only in sandbox mode (docs/providers.md#splashpay-sandbox).

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export { handle as GET, handle as POST, handle as PUT, handle as DELETE, handle as PATCH };
