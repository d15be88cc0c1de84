import { spawn } from "node:child_process";
import { APP, RAW_SSE_PORT, STREAMS, WEBHOOK_RATE } from "../config";
import { request } from "../http";
import { sleep } from "../measure";
import { waitFor } from "../servers";
import { atRate, openSse, type SseStream } from "../sse-client";

// The ceilings the server-side figures are printed beside, measured on the same machine in the same run:
// what an empty Next.js route handler answers per second with as many requests in flight as the ingest
// figure, and how long a frame takes through a bare node:http SSE server with no framework and no database.
// (The third ceiling, create directly at the sandbox, is measured beside create in create.ts.)

/** Requests per second of GET /api/health (it answers a constant) with `inFlight` at a time. */
export async function measureEmptyRoute(count: number, inFlight = 20): Promise<number> {
  let next = 0;
  let answered = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < count) {
        next += 1;
        const res = await request("GET", `${APP}/api/health`);
        if (res.status === 200) answered += 1;
      }
    }),
  );
  return answered / ((performance.now() - t0) / 1000);
}

/** POST → SSE frame latency through a bare SSE server, STREAMS streams open, at the bench's webhook rate. */
export async function measureRawSse(streamCount = STREAMS) {
  const server = spawn(
    process.execPath,
    ["--import", "tsx", "bench/raw-sse-server.ts", String(RAW_SSE_PORT)],
    {
      stdio: "ignore",
    },
  );
  const base = `http://127.0.0.1:${RAW_SSE_PORT}`;
  try {
    await waitFor(`${base}/`, 30_000);
    const streams: SseStream[] = [];
    for (let i = 0; i < streamCount; i += 100) {
      const batch = Array.from({ length: Math.min(100, streamCount - i) }, (_, j) =>
        openSse(`${base}/s/${i + j}`),
      );
      streams.push(...(await Promise.all(batch)));
    }
    await sleep(500);
    const result = await atRate(streamCount, WEBHOOK_RATE, (i, done) => {
      streams[i]!.onFrame = done;
      request("POST", `${base}/f/${i}`, "{}", { "content-type": "application/json" }).catch(() => undefined);
    });
    for (const stream of streams) stream.request.destroy();
    return result;
  } finally {
    server.kill("SIGTERM");
  }
}
