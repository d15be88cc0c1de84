import type { Database } from "@/lib/server/db/client";

// Calls the app's route handlers in-process, as the browser or a merchant's server would over HTTP:
// a cookie jar per client, same-origin writes, and the client's socket address stamped the way
// lib/server/http/socket-address.ts does it in a running server.

export const ORIGIN = "http://localhost:3000";

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Response | Promise<Response>;

const holder = globalThis as typeof globalThis & { __malipoDatabase?: Promise<Database> };

/** Points the app's shared database at `database` (as another app instance would hold its own pool). */
export function serveFrom(database: Database): void {
  holder.__malipoDatabase = Promise.resolve(database);
}

export interface CallOptions<P> {
  /** JSON, or raw bytes sent as they are (an uploaded file). */
  body?: unknown;
  headers?: Record<string, string>;
  params?: P;
}

export class AppClient {
  readonly cookies = new Map<string, string>();

  constructor(
    readonly socketAddress = "203.0.113.10",
    readonly bearer?: string,
  ) {}

  async call<P = Record<string, string>>(
    handler: Handler<P>,
    method: string,
    path: string,
    options: CallOptions<P> = {},
  ): Promise<Response> {
    const headers = new Headers({ origin: ORIGIN, "x-malipo-socket-address": this.socketAddress });
    if (this.cookies.size > 0) {
      headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    }
    if (this.bearer) headers.set("authorization", `Bearer ${this.bearer}`);
    const raw = options.body instanceof Uint8Array;
    if (options.body !== undefined && !raw) headers.set("content-type", "application/json");
    for (const [k, v] of Object.entries(options.headers ?? {})) headers.set(k, v);
    const request = new Request(`${ORIGIN}${path}`, {
      method,
      headers,
      body:
        options.body === undefined
          ? undefined
          : raw
            ? new Uint8Array(options.body as Uint8Array)
            : JSON.stringify(options.body),
    });
    const response = await handler(request, { params: Promise.resolve(options.params ?? ({} as P)) });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...value] = (pair ?? "").split("=");
      if (!name) continue;
      if (/Max-Age=0\b/.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value.join("="));
    }
    return response;
  }
}
