import { guardRoute } from "../shared/guard-route";
import { RateLimiter } from "../shared/rate-limiter";
import { cancelPayment, checkStatus } from "./payments";
import { fail, type ApiKey, type SplashPayContext } from "./context";
import { clearDeliveries, controlTransition, getDeliveries, getSettings, putSettings } from "./control";
import { createPayment } from "./create-payment";
import { createSplashPayDispatcher, SplashPayEngine } from "./engine";
import { MESSAGES } from "./envelope";
import { payAction, showPayPage } from "./pages";
import { applySettingsPatch, defaultSettings, type SplashPaySandboxSettings } from "./settings";
import { SplashPayStore } from "./store";

// The SplashPay simulator as one web-standard handler (splashpay.md §10): `/api/v1/…` is what the real
// provider serves, `/control/…` and `/pay/…` are the sandbox's own levers and the simulated customer.

export interface SplashPaySandboxOptions {
  /** Absolute URL of this sandbox's root, e.g. "http://localhost:3000/sandbox/splashpay". */
  publicUrl: string;
  settings?: Partial<SplashPaySandboxSettings>;
  /** JSON persistence; absent → memory only. */
  stateFile?: string;
  /** For webhook delivery. */
  fetch?: typeof fetch;
  /** Millisecond clock (tests). */
  now?: () => number;
}

export interface SplashPaySandbox {
  /** `path` is relative to the sandbox root: "/api/v1/payments/dynamic-qr", "/control/settings", "/pay/<ref>". */
  handle(request: Request, path: string): Promise<Response>;
  settings(): SplashPaySandboxSettings;
  close(): Promise<void>;
}

type Handlers = Partial<Record<string, () => Response | Promise<Response>>>;

function byMethod(ctx: SplashPayContext, method: string, handlers: Handlers): Response | Promise<Response> {
  const handler = handlers[method];
  if (handler) return handler();
  return fail(ctx, 405, "METHOD_NOT_ALLOWED", `Method ${method} is not allowed here.`, {
    allow: Object.keys(handlers).join(", "),
  });
}

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
    if (s[1] === "dynamic-qr") return byMethod(ctx, m, { POST: () => createPayment(ctx, apiKey, request) });
    if (s[1] === "check-status") return byMethod(ctx, m, { POST: () => checkStatus(ctx, apiKey, request) });
    if (s[1] === "cancel") return byMethod(ctx, m, { POST: () => cancelPayment(ctx, apiKey, request) });
  }
  // S27: mobile money, card, disbursements and static TANQR are not simulated.
  return fail(ctx, 404, "NOT_FOUND", MESSAGES.NOT_FOUND);
}

function control(ctx: SplashPayContext, apiKey: ApiKey, request: Request, s: string[]) {
  const [a, b, c] = s;
  const m = request.method;
  if (a === "payments" && b && c && s.length === 3) {
    return byMethod(ctx, m, { POST: () => controlTransition(ctx, apiKey, b, c) });
  }
  if (a === "settings" && s.length === 1) {
    return byMethod(ctx, m, { GET: () => getSettings(ctx), PUT: () => putSettings(ctx, request) });
  }
  if (a === "deliveries" && s.length === 1) {
    return byMethod(ctx, m, { GET: () => getDeliveries(ctx, request), DELETE: () => clearDeliveries(ctx) });
  }
  return fail(ctx, 404, "NOT_FOUND", MESSAGES.NOT_FOUND);
}

function pay(ctx: SplashPayContext, request: Request, s: string[]) {
  const [reference, action] = s;
  if (reference && s.length === 1)
    return byMethod(ctx, request.method, { GET: () => showPayPage(ctx, reference) });
  if (reference && action && s.length === 2) {
    return byMethod(ctx, request.method, { POST: () => payAction(ctx, reference, action) });
  }
  return fail(ctx, 404, "NOT_FOUND", MESSAGES.NOT_FOUND);
}

export function createSplashPaySandbox(options: SplashPaySandboxOptions): SplashPaySandbox {
  let settings = applySettingsPatch(defaultSettings(), options.settings);
  const now = options.now ?? Date.now;
  const store = new SplashPayStore(options.stateFile);
  const dispatcher = createSplashPayDispatcher({
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    now,
    settings: () => settings,
  });
  const engine = new SplashPayEngine({ store, dispatcher, settings: () => settings, now });
  const ctx: SplashPayContext = {
    store,
    engine,
    dispatcher,
    now,
    settings: () => settings,
    updateSettings: (patch) => (settings = applySettingsPatch(settings, patch)),
    publicUrl: options.publicUrl.replace(/\/+$/, ""),
  };
  const limiter = new RateLimiter();
  // Resume expiry and auto outcomes of the payments that were open when the state was saved.
  engine.armAll();

  async function route(request: Request, path: string): Promise<Response> {
    // Path segments arrive percent-encoded; references may contain characters such as spaces or slashes.
    const [area, ...rest] = path.split("/").filter(Boolean).map(decodeURIComponent);
    if (area === "pay") return pay(ctx, request, rest);
    const isApi = area === "api" && rest[0] === "v1";
    if (!isApi && area !== "control") return fail(ctx, 404, "NOT_FOUND", MESSAGES.NOT_FOUND);
    const apiKey = authenticate(ctx, request);
    if (apiKey instanceof Response) return apiKey;
    if (!isApi) return control(ctx, apiKey, request, rest);
    const retryAfter = limiter.check(apiKey, settings.rateLimitPerMinute, now());
    if (retryAfter !== undefined) {
      return fail(ctx, 429, "RATE_LIMITED", MESSAGES.RATE_LIMITED, { "retry-after": String(retryAfter) });
    }
    return api(ctx, apiKey, request, rest.slice(1));
  }

  return {
    handle: guardRoute("splashpay-sandbox", route, () => fail(ctx, 500, "INTERNAL_ERROR", "Internal error.")),
    settings: () => settings,
    async close() {
      engine.close();
      dispatcher.close();
      await store.flush();
    },
  };
}
