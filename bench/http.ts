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
    req.on("error", reject);
    if (timeoutMs !== undefined) {
      const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      req.on("close", () => clearTimeout(timer));
    }
    if (body) req.write(body);
    req.end();
  });
}
