import { guardRoute } from "../shared/guard-route";
import { RateLimiter } from "../shared/rate-limiter";
import { authenticate, rateLimited, testModeBlocked } from "./auth";
import type { AuthInfo, SandboxContext } from "./context";
import {
  clearDeliveries,
  controlTransition,
  getDeliveries,
  getSettings,
  putSettings,
  webhookTest,
} from "./control";
import { createPayment } from "./create-payment";
import { PaymentEngine } from "./engine";
import { failure, notFound } from "./envelope";
import { getBalance, getMerchant, updateMerchant } from "./merchant";
import { payAction, showPayPage } from "./pay-actions";
import { getPayment, listPayments, paymentEvents, refreshPayment } from "./read-payments";
import { createRefund } from "./refunds";
import { applySettingsPatch, resolveSettings, type PayGridSandboxSettings } from "./settings";
import { SandboxStore } from "./store";
import { createPayGridDispatcher } from "./webhooks";

// The PayGrid simulator as one web-standard handler: `/api/v1/…` is what the real provider serves,
// `/control/…` and `/pay/…` are the sandbox's own levers and the simulated customer (§17).

export interface PayGridSandboxOptions {
  /** Absolute URL of this sandbox's root, e.g. "http://localhost:3000/sandbox/paygrid"; payment_url = `${publicUrl}/pay/${id}`. */
  publicUrl: string;
  settings?: Partial<PayGridSandboxSettings>;
  /** JSON persistence; absent → memory only. */
  stateFile?: string;
  /** For webhook delivery. */
  fetch?: typeof fetch;
  /** Millisecond clock (tests). */
  now?: () => number;
}

export interface PayGridSandbox {
  /** `path` is relative to the sandbox root: "/api/v1/payments", "/control/settings", "/pay/<id>". */
  handle(request: Request, path: string): Promise<Response>;
  settings(): PayGridSandboxSettings;
  /** Clears timers and flushes state. */
  close(): Promise<void>;
}

type Handlers = Partial<Record<string, () => Response | Promise<Response>>>;

function byMethod(method: string, handlers: Handlers): Response | Promise<Response> {
  const handler = handlers[method];
  if (handler) return handler();
  return failure(405, "METHOD_NOT_ALLOWED", `Method ${method} is not allowed here`, undefined, {
    allow: Object.keys(handlers).join(", "),
  });
}

function api(
  ctx: SandboxContext,
  auth: AuthInfo,
  request: Request,
  s: string[],
): Response | Promise<Response> {
  const [a, b, c, d] = s;
  const m = request.method;
  if (a === "payments" && s.length === 1) {
    return byMethod(m, {
      GET: () => listPayments(ctx, auth, request),
      POST: () => testModeBlocked(auth, ctx.settings()) ?? createPayment(ctx, auth, request),
    });
  }
  if (a === "payments" && b && s.length === 2) return byMethod(m, { GET: () => getPayment(ctx, auth, b) });
  if (a === "payments" && b && c === "refresh" && s.length === 3) {
    return byMethod(m, { POST: () => refreshPayment(ctx, auth, b) });
  }
  if (a === "payments" && b && c === "events" && s.length === 3) {
    return byMethod(m, { GET: () => paymentEvents(ctx, auth, b) });
  }
  if (a === "refunds" && s.length === 1) return byMethod(m, { POST: () => createRefund(ctx, auth, request) });
  if (a === "merchants" && b === "me") {
    if (s.length === 2)
      return byMethod(m, { GET: () => getMerchant(ctx), PUT: () => updateMerchant(ctx, request) });
    if (c === "balance" && (s.length === 3 || (s.length === 4 && d === "details"))) {
      return byMethod(m, { GET: () => getBalance(ctx, auth) });
    }
  }
  // S34: Malipo does not use payouts, so the sandbox does not pretend to have them.
  if (a === "payouts") return notFound("Payouts are not available in the sandbox");
  return notFound();
}

function control(
  ctx: SandboxContext,
  auth: AuthInfo,
  request: Request,
  s: string[],
): Response | Promise<Response> {
  const [a, b, c] = s;
  const m = request.method;
  if (a === "payments" && b && c && s.length === 3) {
    return byMethod(m, { POST: () => controlTransition(ctx, auth, b, c) });
  }
  if (a === "webhook-test" && s.length === 1) return byMethod(m, { POST: () => webhookTest(ctx, request) });
  if (a === "settings" && s.length === 1) {
    return byMethod(m, { GET: () => getSettings(ctx), PUT: () => putSettings(ctx, request) });
  }
  if (a === "deliveries" && s.length === 1) {
    return byMethod(m, { GET: () => getDeliveries(ctx, request), DELETE: () => clearDeliveries(ctx) });
  }
  return notFound();
}

function pay(ctx: SandboxContext, request: Request, s: string[]): Response | Promise<Response> {
  const [id, action] = s;
  if (id && s.length === 1) return byMethod(request.method, { GET: () => showPayPage(ctx, id) });
  if (id && action && s.length === 2)
    return byMethod(request.method, { POST: () => payAction(ctx, id, action, request) });
  return notFound();
}

export function createPayGridSandbox(options: PayGridSandboxOptions): PayGridSandbox {
  let settings = resolveSettings(options.settings);
  const now = options.now ?? Date.now;
  const store = new SandboxStore(options.stateFile);
  const dispatcher = createPayGridDispatcher({
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    now,
    settings: () => settings,
  });
  const engine = new PaymentEngine({ store, dispatcher, settings: () => settings, now });
  const ctx: SandboxContext = {
    store,
    engine,
    dispatcher,
    now,
    settings: () => settings,
    updateSettings: (patch) => (settings = applySettingsPatch(settings, patch)),
    publicUrl: options.publicUrl.replace(/\/+$/, ""),
  };
  const limiter = new RateLimiter();
  // Resume expiry and auto outcomes of the payments that were pending when the state was saved.
  engine.armAll();

  async function route(request: Request, path: string): Promise<Response> {
    const [area, ...rest] = path.split("/").filter(Boolean);
    if (area === "pay") return pay(ctx, request, rest);
    const isApi = area === "api" && rest[0] === "v1";
    if (!isApi && area !== "control") return notFound();
    const auth = authenticate(request, settings);
    if (auth instanceof Response) return auth;
    if (isApi) {
      const limited = rateLimited(limiter, auth.apiKey, settings.rateLimitPerMinute, now());
      if (limited) return limited;
      return api(ctx, auth, request, rest.slice(1));
    }
    return control(ctx, auth, request, rest);
  }

  return {
    handle: guardRoute("paygrid-sandbox", route, () => failure(500, "INTERNAL_ERROR", "Internal error")),
    settings: () => settings,
    async close() {
      engine.close();
      dispatcher.close();
      await store.flush();
    },
  };
}
