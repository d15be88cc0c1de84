// A sandbox must answer like a provider even when its own code throws: a logged 500 in that provider's
// error shape, never a crashed connection or a stack trace.

export function guardRoute(
  label: string,
  route: (request: Request, path: string) => Promise<Response>,
  internalError: () => Response,
): (request: Request, path: string) => Promise<Response> {
  return async (request, path) => {
    try {
      return await route(request, path);
    } catch (error) {
      console.error(`[${label}] unexpected error`, error);
      return internalError();
    }
  };
}
