import "server-only";

// The catch-all route of a built-in provider: 404 unless that provider runs in sandbox mode, otherwise the
// simulator answers with the path below its mount point.

interface Mountable {
  handle(request: Request, path: string): Promise<Response>;
}

interface RouteContext {
  params: Promise<{ path: string[] }>;
}

export function mountSandbox(enabled: () => boolean, sandbox: () => Mountable) {
  return async function handle(request: Request, { params }: RouteContext): Promise<Response> {
    if (!enabled()) {
      return Response.json({ error: { code: "NOT_FOUND", message: "Not found" } }, { status: 404 });
    }
    const { path } = await params;
    // Next.js hands over decoded segments; the sandboxes decode their own, so encode them back.
    return sandbox().handle(request, "/" + path.map(encodeURIComponent).join("/"));
  };
}
