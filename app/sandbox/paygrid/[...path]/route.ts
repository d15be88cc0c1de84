import { getEnv } from "@/lib/server/env";
import { mountSandbox } from "@/lib/server/sandbox/mount-sandbox";
import { getPayGridSandbox } from "@/lib/server/sandbox/paygrid-instance";

// The built-in PayGrid provider, mounted only in sandbox mode (docs/providers.md#paygrid-sandbox).

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const handle = mountSandbox(() => getEnv().paygrid.mode === "sandbox", getPayGridSandbox);

export { handle as GET, handle as POST, handle as PUT, handle as DELETE, handle as PATCH };
