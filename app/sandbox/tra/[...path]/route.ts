import { traSandboxRoute as handle } from "@/app/sandbox/mount-sandbox";

// The built-in TRA VFD simulator (fiscal receipts), mounted only when VFD_MODE is sandbox.

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export { handle as GET, handle as POST };
