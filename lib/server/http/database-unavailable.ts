import "server-only";

// Errors that mean "the database is not reachable right now" rather than "this request is wrong": its
// backends were terminated, it is restarting, refusing or too busy for connections. Such a request answers
// 503 SERVICE_UNAVAILABLE (retryable) instead of a 500; the pool reconnects on the next request.

/** PostgreSQL SQLSTATEs: class 08 connection exceptions, admin/crash shutdown, cannot connect now, too many connections. */
const UNAVAILABLE_STATES = /^(08...|57P01|57P02|57P03|53300)$/;
const UNAVAILABLE_SOCKET = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH"]);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection error|timeout exceeded when trying to connect|Client was closed|terminating connection/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  // Drizzle wraps the driver's error as `cause`; follow a few levels.
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && (UNAVAILABLE_STATES.test(code) || UNAVAILABLE_SOCKET.has(code)))
      return true;
    if (UNAVAILABLE_MESSAGE.test(current.message)) return true;
    current = current.cause;
  }
  return false;
}
