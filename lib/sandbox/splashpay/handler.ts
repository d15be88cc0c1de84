import { byMethod, type MethodHandlers } from "../common/by-method";
import { RateLimiter } from "../common/rate-limiter";
import { routeAreas, type SandboxAreas } from "../common/route-areas";
import { createSandboxCore, serveSandbox, type Sandbox, type SandboxOptions } from "../common/sandbox-core";
import { cancelPayment, checkStatus } from "./payments";
import { fail, type ApiKey, type SplashPayContext } from "./context";
import { clearDeliveries, controlTransition, getDeliveries, getSettings, putSettings } from "./control";
import { createPayment } from "./create-payment";
import { createSplashPayDispatcher, SplashPayEngine } from "./engine";
import { MESSAGES } from "./envelope";
import { payAction, showPayPage } from "./pages";
import { applySettingsPatch, defaultSettings, type SplashPaySandboxSettings } from "./settings";
import { SplashPayStore } from "./store";

// The SplashPay simulator as one web-standard handler (docs/providers.md#splashpay-sandbox): `/api/v1/…` is what the real
// provider serves, `/control/…` and `/pay/…` are the sandbox's own levers and the simulated customer.

export type SplashPaySandboxOptions = SandboxOptions<SplashPaySandboxSettings>;

export type SplashPaySandbox = Sandbox<SplashPaySandboxSettings>;

const methods = (ctx: SplashPayContext, method: string, handlers: MethodHandlers) =>
  byMethod(method, handlers, (m, allow) =>
    fail(ctx, 405, "METHOD_NOT_ALLOWED", `Method ${m} is not allowed here.`, { allow }),
  );

/** S2: both headers must name one configured pair; anything else is the documented 401. */
function authenticate(ctx: SplashPayContext, request: Request): ApiKey | Response {
  const key = request.headers.get("x-api-key")?.trim();
  const secret = request.headers.get("x-api-secret")?.trim();
  const pair = ctx.settings().apiKeys.find((p) => p.key === key && p.secret === secret);
  return pair ? pair.key : fail(ctx, 401, "UNAUTHORIZED", MESSAGES.UNAUTHORIZED);
}

function api(ctx: SplashPayContext, apiKey: ApiKey, request: Request, s: string[]) {
  const m = request.method;
  if (s[0] === "payments" && s.length === 2) {
    if (s[1] === "dynamic-qr") return methods(ctx, m, { POST: () => createPayment(ctx, apiKey, request) });
    if (s[1] === "check-status") return methods(ctx, m, { POST: () => checkStatus(ctx, apiKey, request) });
    if (s[1] === "cancel") return methods(ctx, m, { POST: () => cancelPayment(ctx, apiKey, request) });
  }
  // S27: mobile money, card, disbursements and static TANQR are not simulated.
  return fail(ctx, 404, "NOT_FOUND", MESSAGES.NOT_FOUND);
}

function control(ctx: SplashPayContext, apiKey: ApiKey, request: Request, s: string[]) {
  const [a, b, c] = s;
  const m = request.method;
  if (a === "payments" && b && c && s.length === 3) {
    return methods(ctx, m, { POST: () => controlTransition(ctx, apiKey, b, c) });
  }
  if (a === "settings" && s.length === 1) {
    return methods(ctx, m, { GET: () => getSettings(ctx), PUT: () => putSettings(ctx, request) });
  }
  if (a === "deliveries" && s.length === 1) {
    return methods(ctx, m, { GET: () => getDeliveries(ctx, request), DELETE: () => clearDeliveries(ctx) });
  }
  return fail(ctx, 404, "NOT_FOUND", MESSAGES.NOT_FOUND);
}

function pay(ctx: SplashPayContext, request: Request, s: string[]) {
  const [reference, action] = s;
  if (reference && s.length === 1)
    return methods(ctx, request.method, { GET: () => showPayPage(ctx, reference) });
  if (reference && action && s.length === 2) {
    return methods(ctx, request.method, { POST: () => payAction(ctx, reference, action) });
  }
  return fail(ctx, 404, "NOT_FOUND", MESSAGES.NOT_FOUND);
}

export function createSplashPaySandbox(options: SplashPaySandboxOptions): SplashPaySandbox {
  const ctx: SplashPayContext = createSandboxCore(options, {
    settings: applySettingsPatch(defaultSettings(), options.settings),
    applySettingsPatch,
    store: new SplashPayStore(options.stateFile),
    createDispatcher: createSplashPayDispatcher,
    createEngine: (deps) => new SplashPayEngine(deps),
  });
  const limiter = new RateLimiter();
  const areas: SandboxAreas<ApiKey> = {
    pay: (request, s) => pay(ctx, request, s),
    authenticate: (request) => authenticate(ctx, request),
    rateLimited: (apiKey) => {
      const retryAfter = limiter.check(apiKey, ctx.settings().rateLimitPerMinute, ctx.now());
      if (retryAfter === undefined) return undefined;
      return fail(ctx, 429, "RATE_LIMITED", MESSAGES.RATE_LIMITED, { "retry-after": String(retryAfter) });
    },
    api: (apiKey, request, s) => api(ctx, apiKey, request, s),
    control: (apiKey, request, s) => control(ctx, apiKey, request, s),
    notFound: () => fail(ctx, 404, "NOT_FOUND", MESSAGES.NOT_FOUND),
  };
  // Path segments arrive percent-encoded; references may contain characters such as spaces or slashes.
  const route = async (request: Request, path: string) =>
    routeAreas(areas, request, path.split("/").filter(Boolean).map(decodeURIComponent));
  return serveSandbox(ctx, "splashpay-sandbox", route, () =>
    fail(ctx, 500, "INTERNAL_ERROR", "Internal error."),
  );
}
