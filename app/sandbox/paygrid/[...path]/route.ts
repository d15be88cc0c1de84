import { getEnv } from "@/lib/server/env";
import { getPayGridSandbox } from "@/lib/server/sandbox/paygrid-instance";

// The built-in PayGrid provider, mounted only in sandbox mode (paygrid.md §17.1).

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

interface Context {
  params: Promise<{ path: string[] }>;
}

async function handle(request: Request, { params }: Context): Promise<Response> {
  if (getEnv().paygrid.mode !== "sandbox") {
    return Response.json({ error: { code: "NOT_FOUND", message: "Not found" } }, { status: 404 });
  }
  const { path } = await params;
  return getPayGridSandbox().handle(request, "/" + path.join("/"));
}

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const DELETE = handle;
export const PATCH = handle;
