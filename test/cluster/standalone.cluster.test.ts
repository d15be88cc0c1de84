import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase } from "@/lib/server/db/client";
import { createdSale, createSale, signIn } from "./cluster-api";
import { startCountingProxy, type CountingProxy } from "./counting-proxy";
import { METRICS_TOKEN, startInstance, startSandbox, stop, waitForStatus, type Child } from "./processes";
import { openStream } from "./sse-client";

// The standalone server run exactly as the container image's CMD runs it (`node server.js` in the
// standalone folder, PORT and HOSTNAME from the environment), on the embedded database: health,
// readiness, request ids in responses and logs, metrics behind the token, and a graceful shutdown.

const BASE_PORT = 3620 + inject("clusterPortOffset");
let sandbox: Child;
let proxy: CountingProxy;
let app: Child;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "malipo-standalone-"));

beforeAll(async () => {
  sandbox = startSandbox(BASE_PORT + 1, [`http://127.0.0.1:${BASE_PORT}`]);
  await waitForStatus(`${sandbox.url}/control/settings`, 401);
  proxy = await startCountingProxy(BASE_PORT + 2, sandbox.url);
  app = startInstance({
    port: BASE_PORT,
    databaseUrl: "",
    paygridBaseUrl: `${proxy.url}/api/v1`,
    extraEnv: { DATA_DIR: dataDir },
  });
  await waitForStatus(`${app.url}/api/ready`, 200);
}, 240_000);

afterAll(async () => {
  if (app) await stop(app, "SIGKILL");
  if (sandbox) await stop(sandbox);
  await proxy?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("the standalone server", () => {
  it("answers liveness with status ok only, and readiness 200", async () => {
    const health = await fetch(`${app.url}/api/health`);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${app.url}/api/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });

  it("gives every response an X-Request-Id, keeps a sane incoming one, and logs with it", async () => {
    const fresh = await fetch(`${app.url}/api/health`);
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const page = await fetch(`${app.url}/nowhere-at-all`);
    expect(page.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await fetch(`${app.url}/api/health`, { headers: { "x-request-id": "lb-7f3a.42" } });
    expect(kept.headers.get("x-request-id")).toBe("lb-7f3a.42");
    const insane = await fetch(`${app.url}/api/health`, { headers: { "x-request-id": "a b\tc" } });
    expect(insane.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

    // A refused webhook logs a warning while its request is served: the line carries the request's id.
    const refused = await fetch(`${app.url}/api/webhooks/paygrid`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "req-refused-webhook-1" },
      body: "{}",
    });
    expect(refused.status).toBe(401);
    await expect
      .poll(() => app.lines.filter((l) => l.includes('"requestId":"req-refused-webhook-1"')).length)
      .toBeGreaterThan(0);
    const line = JSON.parse(app.lines.find((l) => l.includes("req-refused-webhook-1"))!) as Record<
      string,
      unknown
    >;
    expect(line).toMatchObject({ level: "warn", requestId: "req-refused-webhook-1" });
    expect(typeof line.time).toBe("string");
  });

  it("serves Prometheus metrics only with the token", async () => {
    expect((await fetch(`${app.url}/api/metrics`)).status).toBe(401);
    const wrong = await fetch(`${app.url}/api/metrics`, { headers: { authorization: "Bearer nope" } });
    expect(wrong.status).toBe(401);
    const cookie = await signIn(app.url);
    await createdSale(app.url, cookie);
    const text = await (
      await fetch(`${app.url}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    ).text();
    expect(text).toMatch(
      /malipo_payments_created_total\{provider="paygrid",method="dynamic-qr",outcome="created"\} 1/,
    );
    expect(text).toMatch(/malipo_webhooks_total\{provider="paygrid",result="refused"\} 1/);
    expect(text).toContain("malipo_provider_request_duration_seconds_bucket");
    expect(text).toContain("malipo_sse_open_streams 0");
    expect(text).toContain("malipo_reconciler_lag_seconds");
    expect(text).toContain("malipo_outbox_backlog 0");
    expect(text).toContain("malipo_outbox_dead 0");
  });

  it("shuts down on SIGTERM: 503 at once, in-flight requests finish, streams get a retry hint, no lease held", async () => {
    const cookie = await signIn(app.url);
    const sale = await createdSale(app.url, cookie);
    const stream = await openStream(`${app.url}/api/payments/${sale.id}/events`, { cookie });
    await expect.poll(() => stream.frames.filter((f) => f.event === "payment").length).toBe(1);

    proxy.setCreateDelayMs(2_000);
    const inFlight = Array.from({ length: 4 }, () => createSale(app.url, cookie));
    await expect.poll(() => proxy.createsInFlight()).toBe(4);
    app.process.kill("SIGTERM");
    await expect.poll(async () => (await fetch(`${app.url}/api/ready`)).status).toBe(503);
    const ready = await fetch(`${app.url}/api/ready`);
    expect(await ready.json()).toEqual({ status: "not_ready", reason: "shutting_down" });
    expect((await fetch(`${app.url}/api/health`)).status).toBe(503);

    const answers = await Promise.all(inFlight);
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201]);
    await stream.ended;
    expect(stream.frames.at(-1)).toMatchObject({ retry: 1000 });
    expect(await app.exited).toBe(0);
    expect(app.lines.some((l) => l.includes('"msg":"shut down"'))).toBe(true);

    const database = await openDatabase({ dataDir: path.join(dataDir, "db") });
    try {
      const held = (await database.db.execute(sql`
        select (select count(*) from payments where lease_until > now())::int
             + (select count(*) from merchant_webhook_outbox where lease_until > now())::int as n
      `)) as unknown as { rows: { n: number }[] };
      expect(held.rows[0]!.n).toBe(0);
    } finally {
      await database.close();
    }
  });
});
