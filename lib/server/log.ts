import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";

// One JSON line per event, written by pino (fast, well kept, synchronous to stdout so a crash loses no
// line). Callers pass ids and codes, never request bodies or headers, so secrets and customer details stay
// out of logs; `redact` is a second line of defence for fields named like secrets. Every line written
// while a request is served carries its X-Request-Id (README "Logs"), read from the request's context.

type Level = "debug" | "info" | "warn" | "error";
const SECRETISH = /(key|secret|token|password|signature|authorization|cookie|code)$/i;

interface RequestContext {
  requestId: string;
}
const holder = globalThis as typeof globalThis & {
  __malipoRequestContext?: AsyncLocalStorage<RequestContext>;
  __malipoLogger?: pino.Logger;
};
// On globalThis: Next.js may load this module once per route bundle, and all copies must share the store.
const requests = (holder.__malipoRequestContext ??= new AsyncLocalStorage<RequestContext>());

/** Runs `fn` with a request id that every log line written inside it (and its promises) carries. */
export function runWithRequestId<T>(requestId: string, fn: () => T): T {
  return requests.run({ requestId }, fn);
}

/** The id of the request being served, if any. */
export function currentRequestId(): string | undefined {
  return requests.getStore()?.requestId;
}

// Warnings and errors go to stderr as before, the rest to stdout; both through process streams so a test
// can capture them.
const streams = pino.multistream(
  [
    { level: "debug", stream: { write: (line: string) => void process.stdout.write(line) } },
    { level: "warn", stream: { write: (line: string) => void process.stderr.write(line) } },
  ],
  { dedupe: true },
);

const logger = (holder.__malipoLogger ??= pino(
  {
    level: "info",
    base: undefined,
    messageKey: "msg",
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
  },
  streams,
));

export function setLogLevel(level: Level): void {
  logger.level = level;
}

function redact(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    out[name] = SECRETISH.test(name) && name !== "errorCode" ? "[redacted]" : value;
  }
  return out;
}

function write(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  logger[level](redact(fields), msg);
}

export const log = {
  debug: (msg: string, fields?: Record<string, unknown>) => write("debug", msg, fields),
  info: (msg: string, fields?: Record<string, unknown>) => write("info", msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => write("warn", msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => write("error", msg, fields),
};
