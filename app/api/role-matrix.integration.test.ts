import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/server/env";
import type { ListenHub } from "@/lib/server/realtime/listen-hub";
import { resetProviderAdaptersForTests } from "@/lib/server/providers/registry";
import * as checkoutSessionRoute from "@/app/api/checkout-sessions/[id]/route";
import * as checkoutSessionPaymentsRoute from "@/app/api/checkout-sessions/[id]/payments/route";
import * as checkoutSessionExpireRoute from "@/app/api/checkout-sessions/[id]/expire/route";
import * as eventsRoute from "@/app/api/events/route";
import * as checkoutSessionsRoute from "@/app/api/checkout-sessions/route";
import * as customerDisplayRoute from "@/app/api/customer-displays/[id]/route";
import * as customerDisplaysRoute from "@/app/api/customer-displays/route";
import * as displayEventsRoute from "@/app/api/display/[token]/events/route";
import * as healthRoute from "@/app/api/health/route";
import * as metricsRoute from "@/app/api/metrics/route";
import * as webhookDeliveriesRoute from "@/app/api/webhook-deliveries/route";
import * as webhookDeliveryRetryRoute from "@/app/api/webhook-deliveries/[id]/retry/route";
import * as meRoute from "@/app/api/me/route";
import * as brandLogoRoute from "@/app/api/brand/logo/route";
import * as fiscalRoute from "@/app/api/fiscal/route";
import * as fiscalRegistrationRoute from "@/app/api/fiscal/registration/route";
import * as paymentEventsRoute from "@/app/api/payments/[id]/events/route";
import * as paymentFiscalRoute from "@/app/api/payments/[id]/fiscal/route";
import * as paymentRefreshRoute from "@/app/api/payments/[id]/refresh/route";
import * as paymentRefundsRoute from "@/app/api/payments/[id]/refunds/route";
import * as paymentCancelRoute from "@/app/api/payments/[id]/cancel/route";
import * as paymentRoute from "@/app/api/payments/[id]/route";
import * as paymentsRoute from "@/app/api/payments/route";
import * as dayReportRoute from "@/app/api/reports/day/route";
import * as dayCsvRoute from "@/app/api/reports/day.csv/route";
import * as shiftsRoute from "@/app/api/shifts/route";
import * as currentShiftRoute from "@/app/api/shifts/current/route";
import * as shiftRoute from "@/app/api/shifts/[id]/route";
import * as closeShiftRoute from "@/app/api/shifts/[id]/close/route";
import { shifts } from "@/lib/server/db/schema";
import { newShiftId } from "@/lib/server/day/shift-service";
import * as pairRoute from "@/app/api/registers/pair/route";
import * as registerRoute from "@/app/api/registers/[id]/route";
import * as registersRoute from "@/app/api/registers/route";
import * as sessionRoute from "@/app/api/session/route";
import * as sessionByIdRoute from "@/app/api/sessions/[id]/route";
import * as sessionsRoute from "@/app/api/sessions/route";
import * as setupRoute from "@/app/api/setup/route";
import * as staffByIdRoute from "@/app/api/staff/[id]/route";
import * as staffRoute from "@/app/api/staff/route";
import * as paygridWebhookRoute from "@/app/api/webhooks/paygrid/route";
import * as splashpayWebhookRoute from "@/app/api/webhooks/splashpay/route";
import { AppClient, ORIGIN } from "@/test/app-client";
import { TINY_PNG } from "@/test/logo-images";
import { testStores } from "@/test/databases";
import { startHarness, type Harness } from "@/test/payments-harness";
import { qrSale } from "@/test/sales";
import { addStaff, openShop, ownerClient, pairedDevice, signInWithPin } from "@/test/shop";

// Every route × every kind of caller → the status it must answer. Requests are real (valid bodies where
// the caller is allowed), so a 2xx means the route did its work for that caller, not just "passed auth".

const MERCHANT_KEY = "mk_test_matrix_merchant_key";
const ROLES = ["anonymous", "cashier", "manager", "owner", "merchant"] as const;
type Role = (typeof ROLES)[number];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- route handlers differ in their params type
type AnyHandler = (request: Request, context: { params: Promise<any> }) => Response | Promise<Response>;

interface Row {
  name: string;
  handler: AnyHandler;
  method: string;
  path: (f: Fixtures) => string;
  params?: (f: Fixtures) => Promise<Record<string, string>> | Record<string, string>;
  body?: () => unknown;
  headers?: () => Record<string, string>;
  /** The call ends the caller's session: give each role a freshly signed-in client. */
  fresh?: boolean;
  expect: [number, number, number, number, number];
}

interface Fixtures {
  paymentId: string;
  /** A shopper's attempt on a session the merchant key made. */
  shopPaymentId: string;
  checkoutSessionId: string;
  /** A fresh open session made with the merchant key (expire closes it). */
  merchantSession(): Promise<string>;
  registerId: string;
  cashierId: string;
  /** A customer display of the cashier's register, and its token (the display's only key). */
  displayToken: string;
  throwawayRegister(): Promise<string>;
  /** An open shift on a register none of the callers sells at. */
  foreignShift(): Promise<string>;
  throwawayDisplay(): Promise<string>;
}

let counter = 0;
const key = () => ({ "idempotency-key": `matrix-${Date.now()}-${(counter += 1)}` });

const rows: Row[] = [
  {
    name: "GET /api/health",
    handler: healthRoute.GET,
    method: "GET",
    path: () => "/api/health",
    expect: [200, 200, 200, 200, 200],
  },
  {
    name: "GET /api/metrics (no METRICS_TOKEN set)",
    handler: metricsRoute.GET,
    method: "GET",
    path: () => "/api/metrics",
    expect: [404, 404, 404, 404, 404],
  },
  {
    name: "GET /api/webhook-deliveries?status=failed",
    handler: webhookDeliveriesRoute.GET,
    method: "GET",
    path: () => "/api/webhook-deliveries?status=failed",
    expect: [401, 401, 401, 401, 200],
  },
  {
    name: "POST /api/webhook-deliveries/:id/retry (unknown)",
    handler: webhookDeliveryRetryRoute.POST,
    method: "POST",
    path: () => "/api/webhook-deliveries/msg_unknown/retry",
    params: () => ({ id: "msg_unknown" }),
    expect: [401, 401, 401, 401, 404],
  },
  {
    name: "POST /api/session (wrong password)",
    handler: sessionRoute.POST,
    method: "POST",
    path: () => "/api/session",
    body: () => ({ email: `nobody${(counter += 1)}@duka.tz`, password: "wrong-password" }),
    expect: [401, 401, 401, 401, 401],
  },
  {
    name: "DELETE /api/session",
    handler: sessionRoute.DELETE,
    method: "DELETE",
    path: () => "/api/session",
    fresh: true,
    expect: [204, 204, 204, 204, 204],
  },
  {
    name: "GET /api/me",
    handler: meRoute.GET,
    method: "GET",
    path: () => "/api/me",
    expect: [401, 200, 200, 200, 401],
  },
  {
    name: "GET /api/registers",
    handler: registersRoute.GET,
    method: "GET",
    path: () => "/api/registers",
    expect: [401, 403, 200, 200, 401],
  },
  {
    name: "POST /api/registers",
    handler: registersRoute.POST,
    method: "POST",
    path: () => "/api/registers",
    body: () => ({ name: "Matrix till" }),
    expect: [401, 403, 201, 201, 401],
  },
  {
    name: "PATCH /api/registers/:id",
    handler: registerRoute.PATCH,
    method: "PATCH",
    path: (f) => `/api/registers/${f.registerId}`,
    params: (f) => ({ id: f.registerId }),
    body: () => ({ name: "Renamed till" }),
    expect: [401, 403, 200, 200, 401],
  },
  {
    name: "DELETE /api/registers/:id",
    handler: registerRoute.DELETE,
    method: "DELETE",
    path: () => "/api/registers/x",
    params: async (f) => ({ id: await f.throwawayRegister() }),
    expect: [401, 403, 200, 200, 401],
  },
  {
    name: "POST /api/registers/pair (wrong code)",
    handler: pairRoute.POST,
    method: "POST",
    path: () => "/api/registers/pair",
    body: () => ({ code: "WRONGCODE2" }),
    expect: [401, 401, 401, 401, 401],
  },
  {
    name: "GET /api/staff",
    handler: staffRoute.GET,
    method: "GET",
    path: () => "/api/staff",
    expect: [401, 403, 200, 200, 401],
  },
  {
    name: "POST /api/staff",
    handler: staffRoute.POST,
    method: "POST",
    path: () => "/api/staff",
    body: () => ({ name: `Temp ${(counter += 1)}`, role: "cashier", pin: "2580" }),
    expect: [401, 403, 201, 201, 401],
  },
  {
    name: "PATCH /api/staff/:id",
    handler: staffByIdRoute.PATCH,
    method: "PATCH",
    path: (f) => `/api/staff/${f.cashierId}`,
    params: (f) => ({ id: f.cashierId }),
    body: () => ({ name: "Zawadi" }),
    expect: [401, 403, 200, 200, 401],
  },
  {
    name: "GET /api/sessions",
    handler: sessionsRoute.GET,
    method: "GET",
    path: () => "/api/sessions",
    expect: [401, 403, 200, 200, 401],
  },
  {
    name: "DELETE /api/sessions/:id (unknown)",
    handler: sessionByIdRoute.DELETE,
    method: "DELETE",
    path: () => "/api/sessions/ses_unknown",
    params: () => ({ id: "ses_unknown" }),
    expect: [401, 403, 404, 404, 401],
  },
  {
    name: "POST /api/setup (owner exists)",
    handler: setupRoute.POST,
    method: "POST",
    path: () => "/api/setup",
    body: () => ({ code: "ABCDEFGHJKMN", name: "X", email: "x@duka.tz", password: "long-enough-password" }),
    expect: [404, 404, 404, 404, 404],
  },
  {
    name: "POST /api/payments",
    handler: paymentsRoute.POST,
    method: "POST",
    path: () => "/api/payments",
    body: () => qrSale(),
    headers: key,
    expect: [401, 201, 201, 201, 401],
  },
  {
    name: "POST /api/payments (cash)",
    handler: paymentsRoute.POST,
    method: "POST",
    path: () => "/api/payments",
    body: () => ({ provider: "cash", method: "cash", amount: "1500", currency: "TZS", tendered: "2000" }),
    headers: key,
    expect: [401, 201, 201, 201, 401],
  },
  {
    // Each signed-in caller is at their own register.
    name: "POST /api/shifts",
    handler: shiftsRoute.POST,
    method: "POST",
    path: () => "/api/shifts",
    body: () => ({ opening_float: "20000" }),
    expect: [401, 201, 201, 201, 401],
  },
  {
    name: "GET /api/shifts/current",
    handler: currentShiftRoute.GET,
    method: "GET",
    path: () => "/api/shifts/current",
    expect: [401, 200, 200, 200, 401],
  },
  {
    // A cashier sees only their register's shifts; another register's is not found.
    name: "GET /api/shifts/:id",
    handler: shiftRoute.GET,
    method: "GET",
    path: () => "/api/shifts/x",
    params: async (f) => ({ id: await f.foreignShift() }),
    expect: [401, 404, 200, 200, 401],
  },
  {
    name: "POST /api/shifts/:id/close",
    handler: closeShiftRoute.POST,
    method: "POST",
    path: () => "/api/shifts/x/close",
    params: async (f) => ({ id: await f.foreignShift() }),
    body: () => ({ counted_cash: "0" }),
    expect: [401, 404, 200, 200, 401],
  },
  {
    name: "GET /api/reports/day",
    handler: dayReportRoute.GET,
    method: "GET",
    path: () => "/api/reports/day?date=2026-12-01",
    expect: [401, 403, 200, 200, 401],
  },
  {
    name: "GET /api/reports/day.csv",
    handler: dayCsvRoute.GET,
    method: "GET",
    path: () => "/api/reports/day.csv?date=2026-12-01",
    expect: [401, 403, 200, 200, 401],
  },
  {
    name: "GET /api/payments",
    handler: paymentsRoute.GET,
    method: "GET",
    path: () => "/api/payments",
    expect: [401, 200, 200, 200, 200],
  },
  {
    // The merchant key never sees the register's sales.
    name: "GET /api/payments/:id",
    handler: paymentRoute.GET,
    method: "GET",
    path: (f) => `/api/payments/${f.paymentId}`,
    params: (f) => ({ id: f.paymentId }),
    expect: [401, 200, 200, 200, 404],
  },
  {
    name: "GET /api/payments/:id (a shop's checkout payment)",
    handler: paymentRoute.GET,
    method: "GET",
    path: (f) => `/api/payments/${f.shopPaymentId}`,
    params: (f) => ({ id: f.shopPaymentId }),
    expect: [401, 404, 200, 200, 200],
  },
  {
    // Fiscal receipts are off here (VFD_MODE=off): the sale has none, whoever may see the sale asks.
    name: "GET /api/payments/:id/fiscal",
    handler: paymentFiscalRoute.GET,
    method: "GET",
    path: (f) => `/api/payments/${f.paymentId}/fiscal`,
    params: (f) => ({ id: f.paymentId }),
    expect: [401, 404, 404, 404, 401],
  },
  {
    name: "GET /api/fiscal",
    handler: fiscalRoute.GET,
    method: "GET",
    path: () => "/api/fiscal",
    expect: [401, 403, 200, 200, 401],
  },
  {
    name: "GET /api/brand/logo (none uploaded)",
    handler: brandLogoRoute.GET,
    method: "GET",
    path: () => "/api/brand/logo",
    expect: [404, 404, 404, 404, 404],
  },
  {
    name: "PUT /api/brand/logo",
    handler: brandLogoRoute.PUT,
    method: "PUT",
    path: () => "/api/brand/logo",
    body: () => TINY_PNG,
    expect: [401, 403, 403, 200, 401],
  },
  {
    name: "GET /api/brand/logo (uploaded: on every shopper's page)",
    handler: brandLogoRoute.GET,
    method: "GET",
    path: () => "/api/brand/logo",
    expect: [200, 200, 200, 200, 200],
  },
  {
    name: "DELETE /api/brand/logo",
    handler: brandLogoRoute.DELETE,
    method: "DELETE",
    path: () => "/api/brand/logo",
    expect: [401, 403, 403, 200, 401],
  },
  {
    name: "POST /api/fiscal/registration (fiscal receipts off)",
    handler: fiscalRegistrationRoute.POST,
    method: "POST",
    path: () => "/api/fiscal/registration",
    expect: [401, 403, 403, 422, 401],
  },
  {
    name: "POST /api/payments/:id/refresh",
    handler: paymentRefreshRoute.POST,
    method: "POST",
    path: (f) => `/api/payments/${f.paymentId}/refresh`,
    params: (f) => ({ id: f.paymentId }),
    expect: [401, 200, 200, 200, 401],
  },
  {
    name: "GET /api/payments/:id/events",
    handler: paymentEventsRoute.GET,
    method: "GET",
    path: (f) => `/api/payments/${f.paymentId}/events`,
    params: (f) => ({ id: f.paymentId }),
    expect: [401, 200, 200, 200, 401],
  },
  {
    // The fixture sale is still pending: managers reach the refund rules (409), a cashier without a
    // manager's approval is refused first, and the merchant key sees only checkout payments.
    name: "POST /api/payments/:id/refunds (pending payment)",
    handler: paymentRefundsRoute.POST,
    method: "POST",
    path: (f) => `/api/payments/${f.paymentId}/refunds`,
    params: (f) => ({ id: f.paymentId }),
    body: () => ({ amount: "100", reason: "customer_request" }),
    headers: key,
    expect: [401, 403, 409, 409, 404],
  },
  {
    // The fixture is a PayGrid QR: staff reach the rule that only SplashPay payments can be withdrawn.
    name: "POST /api/payments/:id/cancel (PayGrid payment)",
    handler: paymentCancelRoute.POST,
    method: "POST",
    path: (f) => `/api/payments/${f.paymentId}/cancel`,
    params: (f) => ({ id: f.paymentId }),
    expect: [401, 422, 422, 422, 401],
  },
  {
    name: "GET /api/payments/:id/refunds",
    handler: paymentRefundsRoute.GET,
    method: "GET",
    path: (f) => `/api/payments/${f.paymentId}/refunds`,
    params: (f) => ({ id: f.paymentId }),
    expect: [401, 200, 200, 200, 404],
  },
  {
    // Success and cancel URLs on Malipo's own pages: a register's link may return nowhere else.
    name: "POST /api/checkout-sessions",
    handler: checkoutSessionsRoute.POST,
    method: "POST",
    path: () => "/api/checkout-sessions",
    body: () => ({
      amount: "2000",
      currency: "TZS",
      reference: `MATRIX-${(counter += 1)}`,
      // A register's payment link returns to Malipo's own pages (only the merchant key may name others).
      success_url: `${ORIGIN}/checkout/thanks`,
      cancel_url: `${ORIGIN}/register`,
    }),
    headers: key,
    expect: [401, 201, 201, 201, 201],
  },
  {
    name: "GET /api/checkout-sessions",
    handler: checkoutSessionsRoute.GET,
    method: "GET",
    path: () => "/api/checkout-sessions?limit=5",
    expect: [401, 401, 401, 401, 200],
  },
  {
    name: "POST /api/checkout-sessions/:id/expire",
    handler: checkoutSessionExpireRoute.POST,
    method: "POST",
    path: () => "/api/checkout-sessions/x/expire",
    params: async (f) => ({ id: await f.merchantSession() }),
    expect: [401, 401, 401, 401, 200],
  },
  {
    name: "GET /api/events",
    handler: eventsRoute.GET,
    method: "GET",
    path: () => "/api/events?type=checkout.session.expired",
    expect: [401, 401, 401, 401, 200],
  },
  {
    name: "GET /api/checkout-sessions/:id",
    handler: checkoutSessionRoute.GET,
    method: "GET",
    path: (f) => `/api/checkout-sessions/${f.checkoutSessionId}`,
    params: (f) => ({ id: f.checkoutSessionId }),
    expect: [401, 200, 200, 200, 200],
  },
  {
    // The shopper's capability is the session id itself; no role is needed (and none adds anything).
    name: "POST /api/checkout-sessions/:id/payments (bad body)",
    handler: checkoutSessionPaymentsRoute.POST,
    method: "POST",
    path: (f) => `/api/checkout-sessions/${f.checkoutSessionId}/payments`,
    params: (f) => ({ id: f.checkoutSessionId }),
    body: () => ({ provider: "paygrid" }),
    headers: key,
    expect: [400, 400, 400, 400, 400],
  },
  {
    name: "GET /api/customer-displays",
    handler: customerDisplaysRoute.GET,
    method: "GET",
    path: () => "/api/customer-displays",
    expect: [401, 200, 200, 200, 401],
  },
  {
    name: "POST /api/customer-displays",
    handler: customerDisplaysRoute.POST,
    method: "POST",
    path: () => "/api/customer-displays",
    expect: [401, 201, 201, 201, 401],
  },
  {
    // A fresh display of the cashier's register each time: the cashier may disconnect their own.
    name: "DELETE /api/customer-displays/:id",
    handler: customerDisplayRoute.DELETE,
    method: "DELETE",
    path: () => "/api/customer-displays/x",
    params: async (f) => ({ id: await f.throwawayDisplay() }),
    expect: [401, 200, 200, 200, 401],
  },
  {
    // The display's token is its capability; no role adds anything, and none is needed.
    name: "GET /api/display/:token/events",
    handler: displayEventsRoute.GET,
    method: "GET",
    path: (f) => `/api/display/${f.displayToken}/events`,
    params: (f) => ({ token: f.displayToken }),
    expect: [200, 200, 200, 200, 200],
  },
  {
    name: "POST /api/webhooks/paygrid (unsigned)",
    handler: paygridWebhookRoute.POST,
    method: "POST",
    path: () => "/api/webhooks/paygrid",
    body: () => ({ event: "payment.completed" }),
    expect: [401, 401, 401, 401, 401],
  },
  {
    name: "POST /api/webhooks/splashpay (unsigned)",
    handler: splashpayWebhookRoute.POST,
    method: "POST",
    path: () => "/api/webhooks/splashpay",
    body: () => ({ event: "payment.success" }),
    expect: [401, 401, 401, 401, 401],
  },
];

describe.each(testStores())("role matrix on $name", (store) => {
  let h: Harness;
  let cleanup: () => void;
  let fixtures: Fixtures;
  const clients = {} as Record<Role, () => Promise<AppClient>>;
  const signedIn = {} as Record<Role, AppClient>;

  beforeAll(async () => {
    h = await startHarness(store);
    let demoPin: string;
    ({ demoPin, cleanup } = await openShop(h.database, {
      VFD_MODE: "off",
      PAYGRID_BASE_URL: `${h.sandboxUrl}/api/v1`,
      SPLASHPAY_BASE_URL: `${h.sandboxUrl}/splashpay/api/v1`,
    }));
    resetProviderAdaptersForTests();
    const owner = await ownerClient("10.9.0.1");
    const cashierId = await addStaff(owner, { name: "Zawadi", role: "cashier", pin: "8642" });
    await addStaff(owner, {
      name: "Meneja",
      role: "manager",
      pin: "1122",
      email: "meneja@duka.tz",
      password: "manager-password-9",
    });
    const till = await pairedDevice(owner, "Till M", "10.9.0.2");
    let n = 10;
    clients.anonymous = async () => new AppClient(`10.9.1.${(n += 1)}`);
    clients.merchant = async () => new AppClient(`10.9.1.${(n += 1)}`, MERCHANT_KEY);
    clients.owner = () => ownerClient(`10.9.1.${(n += 1)}`);
    clients.manager = async () => {
      const manager = new AppClient(`10.9.1.${(n += 1)}`);
      await manager.call(sessionRoute.POST, "POST", "/api/session", {
        body: { email: "meneja@duka.tz", password: "manager-password-9" },
      });
      return manager;
    };
    clients.cashier = async () => {
      const device = new AppClient(till.device.socketAddress);
      for (const [k, v] of till.device.cookies) device.cookies.set(k, v);
      expect((await signInWithPin(device, cashierId, "8642")).status).toBe(201);
      return device;
    };
    for (const role of ROLES) signedIn[role] = await clients[role]();
    void demoPin;

    const sale = await signedIn.cashier.call(paymentsRoute.POST, "POST", "/api/payments", {
      body: qrSale(),
      headers: key(),
    });
    const session = await signedIn.owner.call(checkoutSessionsRoute.POST, "POST", "/api/checkout-sessions", {
      body: {
        amount: "3000",
        currency: "TZS",
        reference: "MATRIX-CS",
        success_url: `${ORIGIN}/checkout/thanks`,
        cancel_url: `${ORIGIN}/register`,
      },
      headers: key(),
    });
    const newDisplay = async () =>
      (await (
        await signedIn.cashier.call(customerDisplaysRoute.POST, "POST", "/api/customer-displays")
      ).json()) as { id: string; url: string };
    const display = await newDisplay();
    const merchantSession = async () => {
      const made = await signedIn.merchant.call(
        checkoutSessionsRoute.POST,
        "POST",
        "/api/checkout-sessions",
        {
          body: {
            amount: "4000",
            currency: "TZS",
            reference: `MATRIX-SHOP-${(counter += 1)}`,
            success_url: "https://shop.example.com/thanks",
            cancel_url: "https://shop.example.com/cart",
          },
        },
      );
      return ((await made.json()) as { id: string }).id;
    };
    const shopSessionId = await merchantSession();
    const shopPayment = await new AppClient("10.9.2.1").call(
      checkoutSessionPaymentsRoute.POST,
      "POST",
      `/api/checkout-sessions/${shopSessionId}/payments`,
      {
        params: { id: shopSessionId },
        body: {
          provider: "paygrid",
          method: "dynamic-qr",
          phone: "0712345678",
          customer: { firstname: "Neema", lastname: "Joseph", email: "neema@example.com" },
        },
        headers: key(),
      },
    );
    expect(shopPayment.status).toBe(201);
    fixtures = {
      displayToken: display.url.split("/display/")[1]!,
      async throwawayDisplay() {
        return (await newDisplay()).id;
      },
      paymentId: ((await sale.json()) as { id: string }).id,
      shopPaymentId: ((await shopPayment.json()) as { id: string }).id,
      merchantSession,
      checkoutSessionId: ((await session.json()) as { id: string }).id,
      registerId: till.registerId,
      cashierId,
      async throwawayRegister() {
        const made = await signedIn.owner.call(registersRoute.POST, "POST", "/api/registers", {
          body: { name: "Throwaway" },
        });
        return ((await made.json()) as { id: string }).id;
      },
      async foreignShift() {
        const id = newShiftId();
        const registerId = await this.throwawayRegister();
        await h.database.db.insert(shifts).values({
          id,
          registerId,
          currency: "TZS",
          openingFloatMinor: 0,
          openedBy: null,
          openedByName: null,
        });
        return id;
      },
    };
  }, 240_000);

  afterAll(async () => {
    const holder = globalThis as typeof globalThis & { __malipoListenHub?: Promise<ListenHub> };
    await (await holder.__malipoListenHub)?.stop();
    holder.__malipoListenHub = undefined;
    await h.close();
    cleanup?.();
    resetEnvForTests();
    resetProviderAdaptersForTests();
  });

  it("answers every route for every caller as the contract says", async () => {
    const got: string[] = [];
    const want: string[] = [];
    for (const row of rows) {
      for (const [i, role] of ROLES.entries()) {
        const client = row.fresh || role === "anonymous" ? await clients[role]() : signedIn[role];
        const response = await client.call(row.handler, row.method, row.path(fixtures), {
          params: row.params ? await row.params(fixtures) : {},
          body: row.body?.(),
          headers: row.headers?.(),
        });
        await response.body?.cancel();
        got.push(`${row.name} as ${role} → ${response.status}`);
        want.push(`${row.name} as ${role} → ${row.expect[i]}`);
      }
    }
    expect(got).toEqual(want);
  });

  it("records who sold on which register, filters by them and limits a cashier to their register", async () => {
    const cashier = await clients.cashier();
    const sale = (await (
      await cashier.call(paymentsRoute.POST, "POST", "/api/payments", {
        body: qrSale({ amount: "777" }),
        headers: key(),
      })
    ).json()) as { id: string; staff: { id: string; name: string }; register_id: string };
    expect(sale.staff).toEqual({ id: fixtures.cashierId, name: "Zawadi" });
    expect(sale.register_id).toBe(fixtures.registerId);

    const ownerSale = (await (
      await signedIn.owner.call(paymentsRoute.POST, "POST", "/api/payments", {
        body: qrSale({ amount: "888" }),
        headers: key(),
      })
    ).json()) as { id: string; staff: { name: string } };
    expect(ownerSale.staff.name).toBe("Owner");

    const list = async (client: AppClient, query: string) =>
      (
        (await (await client.call(paymentsRoute.GET, "GET", `/api/payments${query}`)).json()) as {
          data: { id: string; staff: { id: string } | null; register_id: string | null }[];
        }
      ).data;
    // The owner sees both sales, and can narrow to one cashier or one register.
    const all = await list(signedIn.owner, "?limit=100");
    expect(all.map((p) => p.id)).toEqual(expect.arrayContaining([sale.id, ownerSale.id]));
    const byStaff = await list(signedIn.owner, `?staff=${fixtures.cashierId}&limit=100`);
    expect(byStaff.length).toBeGreaterThan(0);
    expect(byStaff.every((p) => p.staff?.id === fixtures.cashierId)).toBe(true);
    const byRegister = await list(signedIn.manager, `?register=${fixtures.registerId}&limit=100`);
    expect(byRegister.map((p) => p.id)).toContain(sale.id);
    expect(byRegister.every((p) => p.register_id === fixtures.registerId)).toBe(true);
    // The cashier sees their register's sales only, and the owner's sale elsewhere is "not found".
    const mine = await list(cashier, "?limit=100");
    expect(mine.map((p) => p.id)).toContain(sale.id);
    expect(mine.map((p) => p.id)).not.toContain(ownerSale.id);
    const other = await cashier.call(paymentRoute.GET, "GET", `/api/payments/${ownerSale.id}`, {
      params: { id: ownerSale.id },
    });
    expect(other.status).toBe(404);
  });
});
