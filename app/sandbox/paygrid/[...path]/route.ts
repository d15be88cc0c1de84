import { payGridSandboxRoute as handle } from "@/app/sandbox/mount-sandbox";

// The built-in PayGrid provider, mounted only in sandbox mode (docs/providers.md#paygrid-sandbox).

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export { handle as GET, handle as POST, handle as PUT, handle as DELETE, handle as PATCH };
