import { byMethod, type MethodHandlers } from "../common/by-method";
import { RateLimiter } from "../common/rate-limiter";
import { routeAreas, type SandboxAreas } from "../common/route-areas";
import { createSandboxCore, serveSandbox, type Sandbox, type SandboxOptions } from "../common/sandbox-core";
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

/** A payment's payment_url is `${publicUrl}/pay/${id}`. */
export type PayGridSandboxOptions = SandboxOptions<PayGridSandboxSettings>;

export type PayGridSandbox = Sandbox<PayGridSandboxSettings>;

const methods = (method: string, handlers: MethodHandlers) =>
  byMethod(method, handlers, (m, allow) =>
    failure(405, "METHOD_NOT_ALLOWED", `Method ${m} is not allowed here`, undefined, { allow }),
  );

function api(
  ctx: SandboxContext,
  auth: AuthInfo,
  request: Request,
  s: string[],
): Response | Promise<Response> {
  const [a, b, c, d] = s;
  const m = request.method;
  if (a === "payments" && s.length === 1) {
    return methods(m, {
      GET: () => listPayments(ctx, auth, request),
      POST: () => testModeBlocked(auth, ctx.settings()) ?? createPayment(ctx, auth, request),
    });
  }
  if (a === "payments" && b && s.length === 2) return methods(m, { GET: () => getPayment(ctx, auth, b) });
  if (a === "payments" && b && c === "refresh" && s.length === 3) {
    return methods(m, { POST: () => refreshPayment(ctx, auth, b) });
  }
  if (a === "payments" && b && c === "events" && s.length === 3) {
    return methods(m, { GET: () => paymentEvents(ctx, auth, b) });
  }
  if (a === "refunds" && s.length === 1) return methods(m, { POST: () => createRefund(ctx, auth, request) });
  if (a === "merchants" && b === "me") {
    if (s.length === 2)
      return methods(m, { GET: () => getMerchant(ctx), PUT: () => updateMerchant(ctx, request) });
    if (c === "balance" && (s.length === 3 || (s.length === 4 && d === "details"))) {
      return methods(m, { GET: () => getBalance(ctx, auth) });
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
    return methods(m, { POST: () => controlTransition(ctx, auth, b, c) });
  }
  if (a === "webhook-test" && s.length === 1) return methods(m, { POST: () => webhookTest(ctx, request) });
  if (a === "settings" && s.length === 1) {
    return methods(m, { GET: () => getSettings(ctx), PUT: () => putSettings(ctx, request) });
  }
  if (a === "deliveries" && s.length === 1) {
    return methods(m, { GET: () => getDeliveries(ctx, request), DELETE: () => clearDeliveries(ctx) });
  }
  return notFound();
}

function pay(ctx: SandboxContext, request: Request, s: string[]): Response | Promise<Response> {
  const [id, action] = s;
  if (id && s.length === 1) return methods(request.method, { GET: () => showPayPage(ctx, id) });
  if (id && action && s.length === 2)
    return methods(request.method, { POST: () => payAction(ctx, id, action, request) });
  return notFound();
}

export function createPayGridSandbox(options: PayGridSandboxOptions): PayGridSandbox {
  const ctx: SandboxContext = createSandboxCore(options, {
    settings: resolveSettings(options.settings),
    applySettingsPatch,
    store: new SandboxStore(options.stateFile),
    createDispatcher: createPayGridDispatcher,
    createEngine: (deps) => new PaymentEngine(deps),
  });
  const limiter = new RateLimiter();
  const areas: SandboxAreas<AuthInfo> = {
    pay: (request, s) => pay(ctx, request, s),
    authenticate: (request) => authenticate(request, ctx.settings()),
    rateLimited: (auth) => rateLimited(limiter, auth.apiKey, ctx.settings().rateLimitPerMinute, ctx.now()),
    api: (auth, request, s) => api(ctx, auth, request, s),
    control: (auth, request, s) => control(ctx, auth, request, s),
    notFound: () => notFound(),
  };
  const route = async (request: Request, path: string) =>
    routeAreas(areas, request, path.split("/").filter(Boolean));
  return serveSandbox(ctx, "paygrid-sandbox", route, () => failure(500, "INTERNAL_ERROR", "Internal error"));
}
