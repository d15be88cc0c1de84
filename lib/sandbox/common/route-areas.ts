// Every sandbox has the same three areas: `/api/v1/…` is what the real provider serves, `/control/…` the
// sandbox's own levers, `/pay/…` the simulated customer. Only the first two need a key, and only the API
// counts against the rate limit; each provider supplies its own answers for every step.

type Answer = Response | Promise<Response>;

export interface SandboxAreas<Auth> {
  pay(request: Request, segments: string[]): Answer;
  /** The authenticated caller, or the provider's 401. */
  authenticate(request: Request): Auth | Response;
  /** The provider's 429, or undefined when the caller may pass. */
  rateLimited(auth: Auth): Response | undefined;
  /** `segments` follow `/api/v1`. */
  api(auth: Auth, request: Request, segments: string[]): Answer;
  control(auth: Auth, request: Request, segments: string[]): Answer;
  notFound(): Response;
}

/** Routes the path segments below the sandbox root (already decoded, if the provider decodes them). */
export function routeAreas<Auth>(areas: SandboxAreas<Auth>, request: Request, segments: string[]): Answer {
  const [area, ...rest] = segments;
  if (area === "pay") return areas.pay(request, rest);
  const isApi = area === "api" && rest[0] === "v1";
  if (!isApi && area !== "control") return areas.notFound();
  const auth = areas.authenticate(request);
  if (auth instanceof Response) return auth;
  if (!isApi) return areas.control(auth, request, rest);
  return areas.rateLimited(auth) ?? areas.api(auth, request, rest.slice(1));
}
