import http from "node:http";

// One keep-alive agent for every bench request, so connection setup is not what gets measured.
export const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

export function request(
  method: string,
  url: string,
  body?: string,
  headers: Record<string, string> = {},
  /** Give up (an error) when no answer has finished by then; unset, wait as long as it takes. */
  timeoutMs?: number,
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return send(method, url, body, headers, timeoutMs).catch((error: unknown) => {
    // A kept-alive socket the server closed as the request left on it (Node's documented race): the
    // request never reached the server, so it is sent once more on a fresh socket. Bench requests are
    // safe to repeat (webhooks are deduplicated by event id, creates carry their Idempotency-Key).
    if (error instanceof StaleSocket) return send(method, url, body, headers, timeoutMs);
    throw error;
  });
}

class StaleSocket extends Error {}

function send(
  method: string,
  url: string,
  body: string | undefined,
  headers: Record<string, string>,
  timeoutMs: number | undefined,
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString(),
          headers: res.headers,
        }),
      );
    });
    req.on("error", (error: NodeJS.ErrnoException) =>
      reject(req.reusedSocket && error.code === "ECONNRESET" ? new StaleSocket(error.message) : error),
    );
    if (timeoutMs !== undefined) {
      const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      req.on("close", () => clearTimeout(timer));
    }
    if (body) req.write(body);
    req.end();
  });
}
