import "server-only";
import { randomUUID } from "node:crypto";
import http from "node:http";
import { runWithRequestId } from "@/lib/server/log";
import { stampSocketAddress } from "./socket-address";

// Every request passes here before Next.js reads it (the HTTP server's "request" event is patched once
// per process): the socket address is stamped (socket-address.ts), the request gets its X-Request-Id (a
// sane incoming one is kept, else a fresh UUID) on the request and the response, and the whole handling
// runs in that id's log context. During a graceful shutdown new requests are refused with 503 and
// `Connection: close` while those in flight are counted down (README "Graceful shutdown").

export const REQUEST_ID_HEADER = "x-request-id";
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

interface GateState {
  installed: boolean;
  draining: boolean;
  inFlight: number;
  idle: Set<() => void>;
}
const holder = globalThis as typeof globalThis & { __malipoRequestGate?: GateState };
const state = (holder.__malipoRequestGate ??= {
  installed: false,
  draining: false,
  inFlight: 0,
  idle: new Set(),
});

/** The incoming id when it is short and plain (no spaces, no control characters), else a new one. */
export function requestIdFor(incoming: string | string[] | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value && SANE_REQUEST_ID.test(value) ? value : randomUUID();
}

function track(res: http.ServerResponse): void {
  state.inFlight += 1;
  res.once("close", () => {
    state.inFlight -= 1;
    if (state.inFlight === 0) for (const resolve of [...state.idle]) resolve();
  });
}

/** 503 and `Connection: close`; readiness says why in its own shape so a load balancer reads it. */
function refuse(req: http.IncomingMessage, res: http.ServerResponse): void {
  res.writeHead(503, { "content-type": "application/json", connection: "close", "retry-after": "1" });
  const ready = req.url?.split("?")[0] === "/api/ready";
  res.end(
    JSON.stringify(
      ready
        ? { status: "not_ready", reason: "shutting_down" }
        : { error: { code: "SHUTTING_DOWN", message: "This instance is shutting down. Try again." } },
    ),
  );
}

export function installRequestGate(): void {
  if (state.installed) return;
  state.installed = true;
  const emit = http.Server.prototype.emit as (
    this: http.Server,
    event: string,
    ...args: unknown[]
  ) => boolean;
  http.Server.prototype.emit = function patchedEmit(this: http.Server, event: string, ...args: unknown[]) {
    if (event !== "request") return emit.call(this, event, ...args);
    const req = args[0] as http.IncomingMessage;
    const res = args[1] as http.ServerResponse;
    stampSocketAddress(req);
    const requestId = requestIdFor(req.headers[REQUEST_ID_HEADER]);
    req.headers[REQUEST_ID_HEADER] = requestId;
    res.setHeader("X-Request-Id", requestId);
    if (state.draining) {
      refuse(req, res);
      return true;
    }
    track(res);
    return runWithRequestId(requestId, () => emit.call(this, event, ...args));
  } as typeof http.Server.prototype.emit;
}

/**
 * SIGTERM's first step: every new request is answered 503 (the listener stays open, so a load balancer's
 * readiness probe reads 503 rather than a refused connection) until the process exits.
 */
export function beginDraining(): void {
  state.draining = true;
}

export function isDraining(): boolean {
  return state.draining;
}

export function inFlightRequests(): number {
  return state.inFlight;
}

/** Resolves true when no request is in flight, or false after `timeoutMs`. */
export function waitForIdle(timeoutMs: number): Promise<boolean> {
  if (state.inFlight === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (idle: boolean) => {
      clearTimeout(timer);
      state.idle.delete(onIdle);
      resolve(idle);
    };
    const onIdle = () => done(true);
    const timer = setTimeout(() => done(false), timeoutMs);
    state.idle.add(onIdle);
  });
}
