import http from "node:http";
import { agent } from "./http";

// A bench client's SSE stream: resolves once its first data frame (the current state) arrived, then calls
// `onFrame` with each later frame's data. Used by the ceiling and 10,000-stream scenarios.

export interface SseStream {
  request: http.ClientRequest;
  onFrame?: (data: string) => void;
}

export function openSse(
  url: string,
  headers: Record<string, string> = {},
  /** Set before the first frame, so a later frame in the same chunk is not missed. */
  onFrame?: (data: string) => void,
): Promise<SseStream> {
  return new Promise((resolve, reject) => {
    const stream: SseStream = { request: undefined as unknown as http.ClientRequest, onFrame };
    stream.request = http.get(url, { agent, headers }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`${url} answered ${res.statusCode}`));
        res.resume();
        return;
      }
      let buffer = "";
      let first = true;
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (!data) continue;
          if (first) {
            first = false;
            resolve(stream);
          } else stream.onFrame?.(data);
        }
      });
    });
    stream.request.on("error", reject);
  });
}

/** Sends `count` jobs at `ratePerSecond`, each measured from its send until it calls done(). */
export async function atRate(
  count: number,
  ratePerSecond: number,
  job: (i: number, done: () => void) => void,
  timeoutMs = 30_000,
): Promise<{ latencies: number[]; lost: number }> {
  const latencies: number[] = [];
  let lost = 0;
  const pending: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const wait = t0 + (i * 1000) / ratePerSecond - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const sent = performance.now();
    pending.push(
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          lost += 1;
          resolve();
        }, timeoutMs);
        job(i, () => {
          latencies.push(performance.now() - sent);
          clearTimeout(timer);
          resolve();
        });
      }),
    );
  }
  await Promise.all(pending);
  return { latencies, lost };
}
