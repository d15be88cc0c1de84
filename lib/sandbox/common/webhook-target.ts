// Where a simulator may send its webhooks: only to the Malipo app it serves. Anyone holding the public test
// keys can create a payment or change a setting, and the webhook URL they name is fetched by the sandbox
// from inside the network: without this rule a sandbox is a probe for internal hosts. One rule for both
// mounts: the in-app sandbox (app/sandbox/control-gate.ts, the app's PUBLIC_BASE_URL) and the standalone
// server (lib/sandbox/node-server.ts, the app URLs it was started for).

/** The body fields through which a caller names a webhook URL (SplashPay's settings; PayGrid's payments,
 *  merchant profile and test deliveries). */
const WEBHOOK_FIELDS = ["webhookUrl", "webhook_url"] as const;

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

/** Is `url` a page of one of `appUrls` (the same scheme, host and port, any path)? */
export function isAppUrl(url: string, appUrls: readonly string[]): boolean {
  return appUrls.some((base) => url.startsWith(`${withoutTrailingSlash(base)}/`));
}

/** The webhook URL a JSON write names, if any; a body that is not JSON is the simulator's to refuse. */
async function webhookUrlIn(request: Request): Promise<{ path: string; url: unknown } | null> {
  if (request.method === "GET" || request.method === "HEAD") return null;
  let body: unknown;
  try {
    body = JSON.parse(await request.clone().text());
  } catch {
    return null;
  }
  if (typeof body !== "object" || body === null) return null;
  for (const path of WEBHOOK_FIELDS) {
    const url: unknown = Reflect.get(body, path);
    if (url !== undefined && url !== null && url !== "") return { path, url };
  }
  return null;
}

/**
 * `400 VALIDATION_ERROR` in the app's error shape (docs/api.md#errors), naming the field, when the request
 * sets a webhook URL outside `appUrls`; null when it sets none or a URL of the app.
 */
export async function webhookTargetRefusal(
  request: Request,
  appUrls: readonly string[],
): Promise<Response | null> {
  const given = await webhookUrlIn(request);
  if (!given || (typeof given.url === "string" && isAppUrl(given.url, appUrls))) return null;
  const allowed = appUrls.map((base) => `${withoutTrailingSlash(base)}/`).join(" or ");
  return Response.json(
    {
      error: {
        code: "VALIDATION_ERROR",
        message: "The sandbox sends webhooks to its app only.",
        fields: [{ path: given.path, message: `must start with ${allowed}` }],
      },
    },
    { status: 400 },
  );
}
