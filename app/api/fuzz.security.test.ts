import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { resetEnvForTests } from "@/lib/server/env";
import {
  authSessions,
  brandLogo,
  checkoutSessions,
  payments,
  refunds,
  registers,
  shifts,
  staff,
} from "@/lib/server/db/schema";
import { getListenHub, type ListenHub } from "@/lib/server/realtime/listen-hub";
import { resetProviderAdaptersForTests } from "@/lib/server/providers/registry";
import * as checkoutSessionRoute from "@/app/api/checkout-sessions/[id]/route";
import * as checkoutSessionPaymentsRoute from "@/app/api/checkout-sessions/[id]/payments/route";
import * as checkoutSessionExpireRoute from "@/app/api/checkout-sessions/[id]/expire/route";
import * as eventsRoute from "@/app/api/events/route";
import * as checkoutSessionsRoute from "@/app/api/checkout-sessions/route";
import * as meRoute from "@/app/api/me/route";
import * as brandLogoRoute from "@/app/api/brand/logo/route";
import * as fiscalRoute from "@/app/api/fiscal/route";
import * as fiscalRegistrationRoute from "@/app/api/fiscal/registration/route";
import * as metricsRoute from "@/app/api/metrics/route";
import * as readyRoute from "@/app/api/ready/route";
import * as webhookDeliveriesRoute from "@/app/api/webhook-deliveries/route";
import * as webhookDeliveryRetryRoute from "@/app/api/webhook-deliveries/[id]/retry/route";
import * as paymentEventsRoute from "@/app/api/payments/[id]/events/route";
import * as customerDisplayRoute from "@/app/api/customer-displays/[id]/route";
import * as customerDisplaysRoute from "@/app/api/customer-displays/route";
import * as displayEventsRoute from "@/app/api/display/[token]/events/route";
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
import { testStores } from "@/test/databases";
import { caseArbitrary, type FuzzCase } from "@/test/fuzz-requests";
import { startHarness, type Harness } from "@/test/payments-harness";
import { qrSale } from "@/test/sales";
import { addStaff, openShop, ownerClient, pairedDevice, signInWithPin } from "@/test/shop";

// Every public endpoint, called in-process with malformed bodies, hostile headers and query strings (see
// test/fuzz-requests.ts). The contract: never an answer ≥ 500, never a row written. The number of tries per
// endpoint is SECURITY_FUZZ_RUNS (vitest.config.mts; `npm run test:security -- --full` runs 10,000).

const RUNS = inject("fuzzRuns");

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- route handlers differ in their params type
type AnyHandler = (request: Request, context: { params: Promise<any> }) => Response | Promise<Response>;
type Caller = "anonymous" | "device" | "cashier" | "owner";

interface Endpoint {
  name: string;
  handler: AnyHandler;
  method: string;
  /** The path with `:id` where the route takes one. */
  path: string;
  as: Caller;
  sample?: Record<string, unknown>;
  /** Which fixture id the fuzzer uses besides random ones (never one a DELETE could really remove). */
  realId?: (f: Fixtures) => string;
  /** A merchant-key route: a case without a fuzzed Authorization header carries the real key. */
  merchantKey?: boolean;
}

const MERCHANT_KEY = "mk_test_matrix_merchant_key";

// A register's payment link may only return to Malipo's own pages.
const OWN_PAGES = { success_url: `${ORIGIN}/done`, cancel_url: `${ORIGIN}/cancelled` };

interface Fixtures {
  paymentId: string;
  checkoutSessionId: string;
  /** A session the merchant key made and already expired (expire answers 409, writes nothing). */
  expiredSessionId: string;
  registerId: string;
  cashierId: string;
  /** The till's open shift, and a closed one (a close by chance-valid body would change nothing). */
  openShiftId: string;
  closedShiftId: string;
  displayToken: string;
}

const endpoints: Endpoint[] = [
  { name: "GET /api/ready", handler: readyRoute.GET, method: "GET", path: "/api/ready", as: "anonymous" },
  {
    name: "GET /api/metrics",
    handler: metricsRoute.GET,
    method: "GET",
    path: "/api/metrics",
    as: "anonymous",
  },
  {
    name: "GET /api/webhook-deliveries",
    handler: webhookDeliveriesRoute.GET,
    method: "GET",
    path: "/api/webhook-deliveries",
    as: "anonymous",
  },
  {
    name: "POST /api/webhook-deliveries/:id/retry",
    handler: webhookDeliveryRetryRoute.POST,
    method: "POST",
    path: "/api/webhook-deliveries/:id/retry",
    as: "anonymous",
    realId: () => "msg_not_there",
  },
  {
    name: "POST /api/session",
    handler: sessionRoute.POST,
    method: "POST",
    path: "/api/session",
    as: "device",
    sample: { email: "mwenye@duka.tz", password: "not-the-password" },
  },
  { name: "GET /api/me", handler: meRoute.GET, method: "GET", path: "/api/me", as: "cashier" },
  {
    name: "POST /api/payments",
    handler: paymentsRoute.POST,
    method: "POST",
    path: "/api/payments",
    as: "cashier",
    sample: qrSale(),
  },
  {
    name: "POST /api/payments (cash)",
    handler: paymentsRoute.POST,
    method: "POST",
    path: "/api/payments",
    as: "cashier",
    sample: { provider: "cash", method: "cash", amount: "1500", currency: "TZS", tendered: "2000" },
  },
  {
    name: "POST /api/shifts",
    handler: shiftsRoute.POST,
    method: "POST",
    path: "/api/shifts",
    as: "cashier",
    sample: { opening_float: "20000", currency: "TZS" },
  },
  {
    name: "GET /api/shifts/current",
    handler: currentShiftRoute.GET,
    method: "GET",
    path: "/api/shifts/current",
    as: "cashier",
  },
  {
    name: "GET /api/shifts/:id",
    handler: shiftRoute.GET,
    method: "GET",
    path: "/api/shifts/:id",
    as: "cashier",
    realId: (f) => f.openShiftId,
  },
  {
    name: "POST /api/shifts/:id/close",
    handler: closeShiftRoute.POST,
    method: "POST",
    path: "/api/shifts/:id/close",
    as: "cashier",
    sample: { counted_cash: "20000" },
    realId: (f) => f.closedShiftId,
  },
  {
    name: "GET /api/reports/day",
    handler: dayReportRoute.GET,
    method: "GET",
    path: "/api/reports/day",
    as: "owner",
  },
  {
    name: "GET /api/reports/day.csv",
    handler: dayCsvRoute.GET,
    method: "GET",
    path: "/api/reports/day.csv",
    as: "owner",
  },
  {
    name: "GET /api/payments",
    handler: paymentsRoute.GET,
    method: "GET",
    path: "/api/payments",
    as: "cashier",
  },
  {
    name: "GET /api/payments/:id",
    handler: paymentRoute.GET,
    method: "GET",
    path: "/api/payments/:id",
    as: "cashier",
    realId: (f) => f.paymentId,
  },
  {
    name: "GET /api/payments/:id/fiscal",
    handler: paymentFiscalRoute.GET,
    method: "GET",
    path: "/api/payments/:id/fiscal",
    as: "cashier",
    realId: (f) => f.paymentId,
  },
  // The logo's body is the image itself: the fuzzer's raw bytes, strings and JSON must all be refused (no
  // PNG/JPEG/WebP signature) and none stored. No logo is uploaded, so the DELETE removes nothing.
  {
    name: "GET /api/brand/logo",
    handler: brandLogoRoute.GET,
    method: "GET",
    path: "/api/brand/logo",
    as: "anonymous",
  },
  {
    name: "PUT /api/brand/logo",
    handler: brandLogoRoute.PUT,
    method: "PUT",
    path: "/api/brand/logo",
    as: "owner",
  },
  {
    name: "DELETE /api/brand/logo",
    handler: brandLogoRoute.DELETE,
    method: "DELETE",
    path: "/api/brand/logo",
    as: "owner",
  },
  { name: "GET /api/fiscal", handler: fiscalRoute.GET, method: "GET", path: "/api/fiscal", as: "owner" },
  {
    name: "POST /api/fiscal/registration",
    handler: fiscalRegistrationRoute.POST,
    method: "POST",
    path: "/api/fiscal/registration",
    as: "owner",
  },
  {
    name: "POST /api/payments/:id/refresh",
    handler: paymentRefreshRoute.POST,
    method: "POST",
    path: "/api/payments/:id/refresh",
    as: "cashier",
    realId: (f) => f.paymentId,
  },
  {
    // As the owner, so the fuzzer reaches the refund rules past the role check.
    name: "POST /api/payments/:id/refunds",
    handler: paymentRefundsRoute.POST,
    method: "POST",
    path: "/api/payments/:id/refunds",
    as: "owner",
    sample: { amount: "100", reason: "customer_request", note: "fuzz" },
    realId: (f) => f.paymentId,
  },
  {
    name: "POST /api/payments/:id/cancel",
    handler: paymentCancelRoute.POST,
    method: "POST",
    path: "/api/payments/:id/cancel",
    as: "cashier",
    realId: (f) => f.paymentId,
  },
  {
    name: "GET /api/payments/:id/refunds",
    handler: paymentRefundsRoute.GET,
    method: "GET",
    path: "/api/payments/:id/refunds",
    as: "cashier",
    realId: (f) => f.paymentId,
  },
  {
    name: "GET /api/payments/:id/events",
    handler: paymentEventsRoute.GET,
    method: "GET",
    path: "/api/payments/:id/events",
    as: "cashier",
    realId: (f) => f.paymentId,
  },
  {
    name: "POST /api/checkout-sessions",
    handler: checkoutSessionsRoute.POST,
    method: "POST",
    path: "/api/checkout-sessions",
    as: "cashier",
    sample: { amount: "2000", currency: "TZS", reference: "FUZZ-1", ...OWN_PAGES },
  },
  {
    name: "GET /api/checkout-sessions/:id",
    handler: checkoutSessionRoute.GET,
    method: "GET",
    path: "/api/checkout-sessions/:id",
    as: "cashier",
    realId: (f) => f.checkoutSessionId,
  },
  {
    name: "GET /api/checkout-sessions",
    handler: checkoutSessionsRoute.GET,
    method: "GET",
    path: "/api/checkout-sessions",
    as: "anonymous",
    merchantKey: true,
  },
  {
    name: "POST /api/checkout-sessions/:id/expire",
    handler: checkoutSessionExpireRoute.POST,
    method: "POST",
    path: "/api/checkout-sessions/:id/expire",
    as: "anonymous",
    merchantKey: true,
    realId: (f) => f.expiredSessionId,
  },
  {
    name: "GET /api/events",
    handler: eventsRoute.GET,
    method: "GET",
    path: "/api/events",
    as: "anonymous",
    merchantKey: true,
  },
  {
    name: "POST /api/checkout-sessions/:id/payments",
    handler: checkoutSessionPaymentsRoute.POST,
    method: "POST",
    path: "/api/checkout-sessions/:id/payments",
    as: "anonymous",
    sample: {
      provider: "paygrid",
      method: "dynamic-qr",
      phone: "0712345678",
      customer: { firstname: "Asha" },
    },
    realId: (f) => f.checkoutSessionId,
  },
  {
    name: "POST /api/webhooks/paygrid",
    handler: paygridWebhookRoute.POST,
    method: "POST",
    path: "/api/webhooks/paygrid",
    as: "anonymous",
    sample: { event: "payment.completed", data: { id: "pg_1", status: "completed", amount: 5000 } },
  },
  {
    name: "POST /api/webhooks/splashpay",
    handler: splashpayWebhookRoute.POST,
    method: "POST",
    path: "/api/webhooks/splashpay",
    as: "anonymous",
    sample: { event: "payment.success", data: { reference: "SP-1", amount: "1000", status: "success" } },
  },
  {
    name: "POST /api/registers/pair",
    handler: pairRoute.POST,
    method: "POST",
    path: "/api/registers/pair",
    as: "anonymous",
    sample: { code: "WRONGCODE2" },
  },
  {
    name: "POST /api/setup",
    handler: setupRoute.POST,
    method: "POST",
    path: "/api/setup",
    as: "anonymous",
    sample: { code: "ABCDEFGHJKMN", name: "X", email: "x@duka.tz", password: "long-enough-password" },
  },
  { name: "GET /api/staff", handler: staffRoute.GET, method: "GET", path: "/api/staff", as: "owner" },
  {
    name: "POST /api/staff",
    handler: staffRoute.POST,
    method: "POST",
    path: "/api/staff",
    as: "owner",
    sample: { name: "Temp", role: "cashier", pin: "2580" },
  },
  {
    name: "PATCH /api/staff/:id",
    handler: staffByIdRoute.PATCH,
    method: "PATCH",
    path: "/api/staff/:id",
    as: "owner",
    sample: { name: "Zawadi" },
    realId: (f) => f.cashierId,
  },
  {
    name: "GET /api/registers",
    handler: registersRoute.GET,
    method: "GET",
    path: "/api/registers",
    as: "owner",
  },
  {
    name: "POST /api/registers",
    handler: registersRoute.POST,
    method: "POST",
    path: "/api/registers",
    as: "owner",
    sample: { name: "Till X" },
  },
  {
    name: "PATCH /api/registers/:id",
    handler: registerRoute.PATCH,
    method: "PATCH",
    path: "/api/registers/:id",
    as: "owner",
    sample: { name: "Till 1" },
    realId: (f) => f.registerId,
  },
  {
    name: "DELETE /api/registers/:id",
    handler: registerRoute.DELETE,
    method: "DELETE",
    path: "/api/registers/:id",
    as: "owner",
    realId: () => "reg_not_there",
  },
  {
    name: "GET /api/customer-displays",
    handler: customerDisplaysRoute.GET,
    method: "GET",
    path: "/api/customer-displays",
    as: "cashier",
  },
  {
    // Takes no body, so any signed-in call links a display: its table is not among the rows counted.
    name: "POST /api/customer-displays",
    handler: customerDisplaysRoute.POST,
    method: "POST",
    path: "/api/customer-displays",
    as: "cashier",
  },
  {
    name: "DELETE /api/customer-displays/:id",
    handler: customerDisplayRoute.DELETE,
    method: "DELETE",
    path: "/api/customer-displays/:id",
    as: "owner",
    realId: () => "cd_not_there",
  },
  {
    name: "GET /api/display/:token/events",
    handler: displayEventsRoute.GET,
    method: "GET",
    path: "/api/display/:id/events",
    as: "anonymous",
    realId: (f) => f.displayToken,
  },
  {
    name: "GET /api/sessions",
    handler: sessionsRoute.GET,
    method: "GET",
    path: "/api/sessions",
    as: "owner",
  },
  {
    name: "DELETE /api/sessions/:id",
    handler: sessionByIdRoute.DELETE,
    method: "DELETE",
    path: "/api/sessions/:id",
    as: "owner",
    realId: () => "ses_not_there",
  },
];

const cookieOf = (client: AppClient | undefined) =>
  client ? [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ") : "";

/** One hostile request, built by hand so bodies need not be JSON and headers need not be sane. */
async function send(endpoint: Endpoint, c: FuzzCase): Promise<number> {
  const id = c.id ?? "";
  const path = endpoint.path.replace(":id", encodeURIComponent(id));
  const abort = new AbortController();
  const hasBody = endpoint.method !== "GET" && c.body !== undefined;
  const headers =
    endpoint.merchantKey && !c.headers.authorization
      ? { ...c.headers, authorization: `Bearer ${MERCHANT_KEY}` }
      : c.headers;
  const request = new Request(`${ORIGIN}${path}${c.query ? `?${c.query}` : ""}`, {
    method: endpoint.method,
    headers,
    body: hasBody ? c.body : undefined,
    signal: abort.signal,
  });
  // Routes name their one path parameter `id`, or `token` for a public capability.
  const response = await endpoint.handler(request, { params: Promise.resolve({ id, token: id }) });
  // Read what a client would (a stream only until it opens), then hang up.
  if (response.headers.get("content-type")?.startsWith("text/event-stream")) await response.body?.cancel();
  else await response.arrayBuffer();
  abort.abort();
  return response.status;
}

interface Figures {
  endpoint: string;
  tries: number;
  rejected: number;
  fiveHundreds: number;
  rowsWritten: number;
}

describe("fuzzing every public endpoint", () => {
  const store = testStores()[0]!;
  let h: Harness;
  let cleanup: () => void;
  let fixtures: Fixtures;
  const callers = {} as Record<Caller, AppClient | undefined>;
  const figures: Figures[] = [];

  const countRows = async () => {
    const { db } = h.database;
    const tables = [payments, checkoutSessions, staff, registers, authSessions, refunds, shifts, brandLogo];
    const counts = await Promise.all(tables.map((table) => db.$count(table)));
    return counts.reduce((a, b) => a + b, 0);
  };

  beforeAll(async () => {
    h = await startHarness(store);
    ({ cleanup } = await openShop(h.database, {
      VFD_MODE: "off",
      PAYGRID_BASE_URL: `${h.sandboxUrl}/api/v1`,
      SPLASHPAY_BASE_URL: `${h.sandboxUrl}/splashpay/api/v1`,
    }));
    resetProviderAdaptersForTests();
    // As an instance's start does (lib/server/start.ts), so /api/ready answers for a serving instance.
    await (await getListenHub()).ensureStarted();
    const owner = await ownerClient("10.8.0.1");
    const cashierId = await addStaff(owner, { name: "Zawadi", role: "cashier", pin: "8642" });
    const till = await pairedDevice(owner, "Till F", "10.8.0.2");
    callers.device = till.device;
    const cashier = new AppClient("10.8.0.3");
    for (const [k, v] of till.device.cookies) cashier.cookies.set(k, v);
    expect((await signInWithPin(cashier, cashierId, "8642")).status).toBe(201);
    callers.cashier = cashier;
    callers.owner = owner;
    callers.anonymous = undefined;

    const sale = await cashier.call(paymentsRoute.POST, "POST", "/api/payments", {
      body: qrSale(),
      headers: { "idempotency-key": "fuzz-fixture-sale" },
    });
    const session = await owner.call(checkoutSessionsRoute.POST, "POST", "/api/checkout-sessions", {
      body: { amount: "3000", currency: "TZS", reference: "FUZZ-CS", ...OWN_PAGES },
      headers: { "idempotency-key": "fuzz-fixture-session" },
    });
    const shift = await cashier.call(shiftsRoute.POST, "POST", "/api/shifts", {
      body: { opening_float: "0" },
    });
    const closedShiftId = newShiftId();
    await h.database.db.insert(shifts).values({
      id: closedShiftId,
      registerId: till.registerId,
      currency: "TZS",
      openingFloatMinor: 0,
      closedAt: new Date(),
      countedCashMinor: 0,
    });
    const display = await cashier.call(customerDisplaysRoute.POST, "POST", "/api/customer-displays");
    const shop = new AppClient("10.8.0.9", MERCHANT_KEY);
    const shopSession = await shop.call(checkoutSessionsRoute.POST, "POST", "/api/checkout-sessions", {
      body: {
        amount: "3000",
        currency: "TZS",
        reference: "FUZZ-SHOP",
        success_url: "https://shop.example.com/thanks",
        cancel_url: "https://shop.example.com/cart",
      },
    });
    const expiredSessionId = ((await shopSession.json()) as { id: string }).id;
    const expired = await shop.call(
      checkoutSessionExpireRoute.POST,
      "POST",
      `/api/checkout-sessions/${expiredSessionId}/expire`,
      { params: { id: expiredSessionId } },
    );
    expect([sale.status, session.status, shift.status, display.status]).toEqual([201, 201, 201, 201]);
    expect([shopSession.status, expired.status]).toEqual([201, 200]);
    fixtures = {
      expiredSessionId,
      paymentId: ((await sale.json()) as { id: string }).id,
      checkoutSessionId: ((await session.json()) as { id: string }).id,
      registerId: till.registerId,
      cashierId,
      openShiftId: ((await shift.json()) as { shift: { id: string } }).shift.id,
      closedShiftId,
      displayToken: ((await display.json()) as { url: string }).url.split("/display/")[1]!,
    };
  }, 240_000);

  afterAll(async () => {
    if (figures.length > 0) printTable(figures);
    const holder = globalThis as typeof globalThis & { __malipoListenHub?: Promise<ListenHub> };
    await (await holder.__malipoListenHub)?.stop();
    holder.__malipoListenHub = undefined;
    await h?.close();
    cleanup?.();
    resetEnvForTests();
    resetProviderAdaptersForTests();
  });

  for (const endpoint of endpoints) {
    it(
      `${endpoint.name}: ${RUNS} malformed requests, no 5xx, no rows written`,
      async () => {
        const before = await countRows();
        const row: Figures = {
          endpoint: endpoint.name,
          tries: 0,
          rejected: 0,
          fiveHundreds: 0,
          rowsWritten: 0,
        };
        figures.push(row);
        const cases = caseArbitrary({
          sample: endpoint.sample,
          signedInCookie: cookieOf(callers[endpoint.as]),
          realId: endpoint.realId?.(fixtures),
        });
        const result = await fc.check(
          fc.asyncProperty(cases, async (c) => {
            const status = await send(endpoint, c);
            row.tries += 1;
            if (status >= 400) row.rejected += 1;
            if (status >= 500) row.fiveHundreds += 1;
            return status < 500;
          }),
          { numRuns: RUNS, endOnFailure: true },
        );
        // fast-check's own report would print a 200 kB body; name the request in a readable size instead.
        expect(result.failed ? describeCase(result.counterexample?.[0], result.errorInstance) : "").toBe("");
        row.rowsWritten = (await countRows()) - before;
        expect(row.rowsWritten).toBe(0);
      },
      60_000 + RUNS * 100,
    );
  }
});

function describeCase(c: FuzzCase | undefined, error: unknown): string {
  if (!c) return `failed without a case: ${String(error)}`;
  const body = typeof c.body === "string" ? c.body : c.body ? `<${c.body.length} bytes>` : "<none>";
  const short = (s: string) => (s.length > 200 ? `${s.slice(0, 200)}… (${s.length} chars)` : s);
  const headers = Object.fromEntries(Object.entries(c.headers).map(([k, v]) => [k, short(v)]));
  return `answered ≥ 500 to ${JSON.stringify({ id: short(c.id ?? ""), query: short(c.query), headers, body: short(body) })}${error ? ` (${String(error)})` : ""}`;
}

function printTable(rows: Figures[]): void {
  const header = ["endpoint", "tries", "rejected", "≥500", "rows written"];
  const lines = rows.map((r) => [r.endpoint, r.tries, r.rejected, r.fiveHundreds, r.rowsWritten].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  const table = [format(header), format(widths.map((w) => "-".repeat(w))), ...lines.map(format)].join("\n");
  console.log(`\nFuzzer (${RUNS} tries per endpoint, signed in where the route needs it):\n${table}\n`);
}
