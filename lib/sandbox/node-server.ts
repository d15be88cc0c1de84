import http from "node:http";
import type { AddressInfo } from "node:net";
import { CONTROL_TOKEN_HEADER, controlAllowed, isControlPath } from "./common/control-access";
import { webhookTargetRefusal } from "./common/webhook-target";
import { createPayGridSandbox, type PayGridSandbox, type PayGridSandboxOptions } from "./paygrid/handler";
import {
  createSplashPaySandbox,
  type SplashPaySandbox,
  type SplashPaySandboxOptions,
} from "./splashpay/handler";
import { createTraSandbox, DROP_HEADER, type TraSandbox, type TraSandboxOptions } from "./tra/handler";

// A plain node:http server for e2e runs and tests that want the providers on their own port, like the real
// ones: PayGrid at the root (`/api/v1/…`, `/control/…`, `/pay/…`) and SplashPay under `/splashpay`
// (`/splashpay/api/v1/…`, `/splashpay/control/…`, `/splashpay/pay/…`).

export const SPLASHPAY_PREFIX = "/splashpay";
/** TRA's VFD API simulator (fiscal receipts): `/tra/api/…`, `/tra/vfdtoken`, `/tra/verify/…`. */
export const TRA_PREFIX = "/tra";

export interface SandboxServerOptions {
  /** 0 = an ephemeral port. */
  port: number;
  host?: string;
  /**
   * Lets callers elsewhere than this machine use `/control/…` when they send it in the
   * `X-Sandbox-Control-Token` header; without it the controls answer loopback only.
   */
  controlToken?: string;
  /**
   * The Malipo app(s) this sandbox serves (their PUBLIC_BASE_URL): a webhook URL outside them is refused
   * with 400 VALIDATION_ERROR (common/webhook-target.ts). `npm run sandbox` always sets it; tests that
   * play the app with a receiver of their own may leave it out.
   */
  appUrls?: string[];
  paygrid?: Omit<PayGridSandboxOptions, "publicUrl">;
  splashpay?: Omit<SplashPaySandboxOptions, "publicUrl">;
  tra?: Omit<TraSandboxOptions, "publicUrl">;
}

export interface SandboxServer {
  url: string;
  paygrid: PayGridSandbox;
  splashpay: SplashPaySandbox;
  tra: TraSandbox;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new Error("body too large");
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

function toRequest(req: http.IncomingMessage, origin: string, body: Buffer | undefined): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return new Request(new URL(req.url ?? "/", origin), {
    method: req.method ?? "GET",
    headers,
    body: body && body.length > 0 ? new Uint8Array(body) : undefined,
  });
}

async function send(res: http.ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  res.writeHead(response.status, headers);
  res.end(Buffer.from(await response.arrayBuffer()));
}

export async function startSandboxServer(options: SandboxServerOptions): Promise<SandboxServer> {
  const host = options.host ?? "127.0.0.1";
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  const paygrid = createPayGridSandbox({ ...options.paygrid, publicUrl: url });
  const splashpay = createSplashPaySandbox({ ...options.splashpay, publicUrl: `${url}${SPLASHPAY_PREFIX}` });
  const tra = createTraSandbox({ ...options.tra, publicUrl: `${url}${TRA_PREFIX}` });
  const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
  const dispatch = (request: Request, path: string): Promise<Response> =>
    under(path, SPLASHPAY_PREFIX)
      ? splashpay.handle(request, path.slice(SPLASHPAY_PREFIX.length))
      : under(path, TRA_PREFIX)
        ? tra.handle(request, path.slice(TRA_PREFIX.length))
        : paygrid.handle(request, path);

  server.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    void (async () => {
      try {
        const hasBody = req.method !== "GET" && req.method !== "HEAD";
        const request = toRequest(req, url, hasBody ? await readBody(req) : undefined);
        const path = new URL(request.url).pathname;
        if (
          isControlPath(path) &&
          !controlAllowed(
            req.socket.remoteAddress,
            request.headers.get(CONTROL_TOKEN_HEADER),
            options.controlToken,
          )
        ) {
          await send(
            res,
            Response.json(
              {
                error: {
                  code: "FORBIDDEN",
                  message: "The sandbox's controls answer this machine, or a caller with the control token.",
                },
              },
              { status: 403 },
            ),
          );
          return;
        }
        const refused = options.appUrls && (await webhookTargetRefusal(request, options.appUrls));
        if (refused) return void (await send(res, refused));
        const response = await dispatch(request, path);
        // The VFD simulator's "down" and "drop" faults: no answer at all, as from an unreachable host.
        if (response.headers.has(DROP_HEADER)) return void res.destroy();
        await send(res, response);
      } catch {
        if (!res.headersSent) {
          res.writeHead(400, { "content-type": "application/json" });
          res.end(
            JSON.stringify({ status: "error", code: 400, error_code: "BAD_REQUEST", message: "Bad request" }),
          );
        } else {
          res.destroy();
        }
      }
    })();
  });

  return {
    url,
    paygrid,
    splashpay,
    tra,
    async close() {
      await Promise.all([paygrid.close(), splashpay.close(), tra.close()]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
