import "server-only";
import path from "node:path";
import { createPayGridSandbox, type PayGridSandbox } from "@/lib/sandbox/paygrid/handler";
import { defaultSettings as payGridDefaults } from "@/lib/sandbox/paygrid/settings";
import { createSplashPaySandbox, type SplashPaySandbox } from "@/lib/sandbox/splashpay/handler";
import { defaultSettings as splashPayDefaults } from "@/lib/sandbox/splashpay/settings";
import {
  SANDBOX_PAYGRID_API_KEY,
  SANDBOX_SPLASHPAY_API_KEY,
  SANDBOX_SPLASHPAY_API_SECRET,
} from "@/lib/sandbox-credentials";
import { createTraSandbox, DROP_HEADER, type TraSandbox } from "@/lib/sandbox/tra/handler";
import { getEnv } from "@/lib/server/env";
import { cachedSigningKey } from "@/lib/server/fiscal/fiscal-context";
import { controlRefusal } from "./control-gate";

// The one place where the app hosts its guest, the built-in provider sandboxes (lib/sandbox). It reads the
// app's configuration and builds each simulator from it; lib/server never imports lib/sandbox. A build
// without the sandbox deletes lib/sandbox and this folder (app/sandbox: this module and the two catch-all
// routes that only re-export from it), plus scripts/sandbox-server.ts and the sandbox's tests.

interface RouteContext {
  params: Promise<{ path: string[] }>;
}

type RouteHandler = (request: Request, context: RouteContext) => Promise<Response>;

interface Mountable {
  handle(request: Request, path: string): Promise<Response>;
}

// One sandbox per process, kept on globalThis: Next.js dev re-evaluates modules on every edit, and two
// instances would each run their own expiry timers over the same state file.
const holder = globalThis as unknown as Record<symbol, Mountable | undefined>;

function once<T extends Mountable>(name: string, create: () => T): () => T {
  const key = Symbol.for(name);
  return () => (holder[key] ??= create()) as T;
}

// 404 unless that provider runs in sandbox mode; otherwise the simulator answers with the path below its
// mount point.
function mount(enabled: () => boolean, sandbox: () => Mountable): RouteHandler {
  return async function handle(request, { params }) {
    if (!enabled()) {
      return Response.json({ error: { code: "NOT_FOUND", message: "Not found" } }, { status: 404 });
    }
    const { path: segments } = await params;
    const refused = await controlRefusal(request, segments);
    if (refused) return refused;
    // Next.js hands over decoded segments; the sandboxes decode their own, so encode them back.
    return sandbox().handle(request, "/" + segments.map(encodeURIComponent).join("/"));
  };
}

const getPayGridSandbox = once("malipo.paygridSandbox", (): PayGridSandbox => {
  const env = getEnv();
  return createPayGridSandbox({
    publicUrl: `${env.publicBaseUrl}/sandbox/paygrid`,
    stateFile: path.join(env.dataDir, "sandbox", "paygrid.json"),
    settings: {
      apiKeys: [...new Set([SANDBOX_PAYGRID_API_KEY, env.paygrid.apiKey].filter((k) => k !== ""))],
      webhookSigningKey: env.paygrid.webhookSigningKey,
      expirySeconds: env.paymentTtlSeconds,
      qrMerchant: { ...payGridDefaults().qrMerchant, name: env.merchantName },
    },
  });
});

const getSplashPaySandbox = once("malipo.splashpaySandbox", (): SplashPaySandbox => {
  const env = getEnv();
  const pairs = [{ key: SANDBOX_SPLASHPAY_API_KEY, secret: SANDBOX_SPLASHPAY_API_SECRET }];
  if (env.splashpay.apiKey !== SANDBOX_SPLASHPAY_API_KEY) {
    pairs.push({ key: env.splashpay.apiKey, secret: env.splashpay.apiSecret });
  }
  return createSplashPaySandbox({
    publicUrl: `${env.publicBaseUrl}/sandbox/splashpay`,
    stateFile: path.join(env.dataDir, "sandbox", "splashpay.json"),
    settings: {
      apiKeys: pairs,
      webhookSecret: env.splashpay.webhookSecret,
      // SplashPay has one merchant-level webhook URL (docs: README "SplashPay sandbox").
      webhookUrl: `${env.publicBaseUrl}/api/webhooks/splashpay`,
      expirySeconds: env.paymentTtlSeconds,
      qrMerchant: { ...splashPayDefaults().qrMerchant, name: env.merchantName },
    },
  });
});

/** The catch-all route of the PayGrid sandbox, app/sandbox/paygrid/[...path]. */
export const payGridSandboxRoute = mount(() => getEnv().paygrid.mode === "sandbox", getPayGridSandbox);

/** The catch-all route of the SplashPay sandbox, app/sandbox/splashpay/[...path]. */
export const splashPaySandboxRoute = mount(() => getEnv().splashpay.mode === "sandbox", getSplashPaySandbox);

const getTraSandbox = once("malipo.traSandbox", (): Mountable => {
  const env = getEnv();
  const tra: TraSandbox = createTraSandbox({
    publicUrl: `${env.publicBaseUrl}/sandbox/tra`,
    stateFile: path.join(env.dataDir, "sandbox", "tra.json"),
    // TRA knows the device it issued: here, the app's own sandbox certificate.
    devices: () => [
      {
        tin: env.vfd.tin,
        certKey: env.vfd.certKey,
        certificatePem: cachedSigningKey(env.vfd).certificatePem,
      },
    ],
  });
  return {
    async handle(request, path) {
      const response = await tra.handle(request, path);
      // A route handler cannot drop its connection: "down" and "drop" answer 503 with no body instead.
      return response.headers.has(DROP_HEADER) ? new Response(null, { status: 503 }) : response;
    },
  };
});

/** The catch-all route of the TRA VFD simulator, app/sandbox/tra/[...path]. */
export const traSandboxRoute = mount(() => getEnv().vfd.mode === "sandbox", getTraSandbox);
